package io.asyncworker.internal.settings;

import io.asyncworker.internal.settings.Parsers.Parser;

/**
 * One settings variable: its name, default (raw text, {@code null} for none), parser, and whether
 * its value is secret.
 */
record Spec(String name, String defaultRaw, Parser<?> parser, Secrecy secrecy) {

    /** How a value is shown in messages and listings. */
    enum Secrecy { PLAIN, SECRET, URL_WITH_PASSWORD }

    static Spec of(String name, String defaultRaw, Parser<?> parser) {
        return new Spec(name, defaultRaw, parser, Secrecy.PLAIN);
    }

    Spec secret() {
        return new Spec(name, defaultRaw, parser, Secrecy.SECRET);
    }

    Spec urlWithPassword() {
        return new Spec(name, defaultRaw, parser, Secrecy.URL_WITH_PASSWORD);
    }

    String show(String raw) {
        return switch (secrecy) {
            case SECRET -> "****";
            case URL_WITH_PASSWORD -> Parsers.maskUrl(raw);
            case PLAIN -> raw;
        };
    }
}

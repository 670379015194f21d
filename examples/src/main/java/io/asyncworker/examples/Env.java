package io.asyncworker.examples;

import java.util.Objects;

/** An example's knob: a Java system property, else the environment variable, else the default. */
final class Env {

    private Env() {
    }

    static String get(String name, String fallback) {
        return System.getProperty(name, Objects.requireNonNullElse(System.getenv(name), fallback));
    }
}

package io.asyncworker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Appends measured figures and checked claims to a tab-separated file that run.sh prints as a table.
 * Rows: {@code M bench contender metric value} and {@code C bench claim measured target verdict}.
 */
public final class Results {
    private final Path file;

    public Results(Path file) {
        this.file = file;
    }

    /** One measured figure. */
    public void figure(String bench, String contender, String metric, double value) {
        append(String.join("\t", "M", bench, contender, metric, format(value)));
        System.out.printf(Locale.ROOT, "  %-14s %-34s %-22s %s%n", bench, contender, metric, format(value));
    }

    /** A ratio claim: measured >= target (or <= when {@code atMost}). */
    public void claim(String bench, String claim, double measured, double target, boolean atMost) {
        boolean met = atMost ? measured <= target : measured >= target;
        String verdict = Double.isNaN(measured) ? "NOT MEASURED" : met ? "MET" : "MISSED";
        String bound = (atMost ? "<= " : ">= ") + format(target);
        append(String.join("\t", "C", bench, claim, format(measured), bound, verdict));
        System.out.printf(Locale.ROOT, "  CLAIM %-60s %s (target %s) %s%n", claim, format(measured), bound, verdict);
    }

    /** A contender or claim that could not be measured, with the reason. */
    public void missing(String bench, String what, String reason) {
        append(String.join("\t", "C", bench, what, "-", "-", "NOT MEASURED: " + reason.replace('\t', ' ')));
        System.out.printf(Locale.ROOT, "  MISSING %s: %s%n", what, reason);
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

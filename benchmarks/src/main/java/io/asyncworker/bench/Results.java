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
 * Rows: {@code M bench contender metric value} and
 * {@code C bench claim median min max cpuMedian target verdict}, where median, min and max are of the
 * same-round ratios (a claim on one figure has it as median and "-" for the rest) and cpuMedian is
 * the median of the same rounds' CPU ratios.
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

    /**
     * A claim read from same-round ratios: the row shows their median, min and max, the median of
     * the same rounds' CPU ratios ({@code cpu}, may be empty), the target and the verdict, which
     * {@code target} takes from the median (or the worst round).
     */
    public void claim(String bench, String claim, Ratios ratios, Ratios cpu, Target target) {
        double measured = target.deciding(ratios);
        row(bench, claim, ratios, cpu, target.describe(), target.verdict(measured));
        System.out.printf(Locale.ROOT, "  CLAIM %s: %s%n        cpu ratios: %s%n        target %s -> %s%n", claim,
                ratios.describe(), cpu.describe(), target.describe(), target.verdict(measured));
    }

    /** A comparison shown next to the claims that decides nothing (verdict "extra"). */
    public void extra(String bench, String comparison, Ratios ratios, Ratios cpu) {
        row(bench, comparison, ratios, cpu, "-", "extra");
        System.out.printf(Locale.ROOT, "  EXTRA %s: %s%n        cpu ratios: %s%n", comparison, ratios.describe(),
                cpu.describe());
    }

    /** A claim on one measured figure (not a ratio): measured >= target (or <= when {@code atMost}). */
    public void claim(String bench, String claim, double measured, double target, boolean atMost) {
        Target t = new Target(atMost, target, false);
        String bound = (atMost ? "<= " : ">= ") + format(target);
        append(String.join("\t", "C", bench, claim, format(measured), "-", "-", "-", bound, t.verdict(measured)));
        System.out.printf(Locale.ROOT, "  CLAIM %-60s %s (target %s) %s%n", claim, format(measured), bound,
                t.verdict(measured));
    }

    /** A contender or claim that could not be measured, with the reason. */
    public void missing(String bench, String what, String reason) {
        append(String.join("\t", "C", bench, what, "-", "-", "-", "-", "-",
                "NOT MEASURED: " + reason.replace('\t', ' ').replace('\n', ' ')));
        System.out.printf(Locale.ROOT, "  MISSING %s: %s%n", what, reason);
    }

    private void row(String bench, String claim, Ratios ratios, Ratios cpu, String target, String verdict) {
        append(String.join("\t", "C", bench, claim, format(ratios.median()), format(ratios.min()),
                format(ratios.max()), cpu.size() == 0 ? "-" : format(cpu.median()), target, verdict));
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

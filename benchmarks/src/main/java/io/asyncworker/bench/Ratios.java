package io.asyncworker.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Same-round ratios (subject / reference, one per round, in round order) and the figures a claim is
 * read from: the median decides, the minimum and maximum show the spread. Immutable.
 */
public final class Ratios {
    private final double[] values;

    private Ratios(double[] values) {
        this.values = values.clone();
    }

    /** The ratios of the rounds, in round order (NaN values are dropped). */
    public static Ratios of(double... values) {
        return new Ratios(Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** How many rounds gave a ratio. */
    public int size() {
        return values.length;
    }

    /** The ratios in round order. */
    public double[] values() {
        return values.clone();
    }

    /** Median over the rounds (mean of the middle two for an even count); NaN when there is none. */
    public double median() {
        return median(values);
    }

    /** The lowest round's ratio; NaN when there is none. */
    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** The highest round's ratio; NaN when there is none. */
    public double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** E.g. {@code "0.912, 0.876, 1.01 -> median 0.912 (min 0.876, max 1.01)"}. */
    public String describe() {
        if (values.length == 0) {
            return "no round measured both";
        }
        String rounds = Arrays.stream(values).mapToObj(Results::format).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s -> median %s (min %s, max %s)", rounds,
                Results.format(median()), Results.format(min()), Results.format(max()));
    }

    /** Median of any values (NaN for none); the one median of the benchmarks. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @Override
    public String toString() {
        return describe();
    }
}

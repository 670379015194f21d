package io.asyncworker.bench;

/**
 * The bound a claim sets on same-round ratios: on their median (the usual claim), or on every round
 * (the worst round must stay within it). A value; {@link #verdict} is a pure function.
 *
 * @param atMost     whether the ratio must stay at or below the bound (CPU, heap) rather than reach it
 * @param bound      the ratio the claim promises
 * @param everyRound whether the worst round decides instead of the median
 */
public record Target(boolean atMost, double bound, boolean everyRound) {
    /** The median must be at least {@code bound}. */
    public static Target atLeast(double bound) {
        return new Target(false, bound, false);
    }

    /** The median must be at most {@code bound}. */
    public static Target atMost(double bound) {
        return new Target(true, bound, false);
    }

    /** The lowest round must be at least {@code bound}. */
    public static Target everyRoundAtLeast(double bound) {
        return new Target(false, bound, true);
    }

    /** The figure the verdict is read from: the median, or the worst round. */
    public double deciding(Ratios ratios) {
        if (!everyRound) {
            return ratios.median();
        }
        return atMost ? ratios.max() : ratios.min();
    }

    /** MET, MISSED, or NOT MEASURED when {@code measured} is NaN. */
    public String verdict(double measured) {
        if (Double.isNaN(measured)) {
            return "NOT MEASURED";
        }
        return (atMost ? measured <= bound : measured >= bound) ? "MET" : "MISSED";
    }

    /** E.g. {@code ">= 0.85 median"} or {@code ">= 0.75 every round"}. */
    public String describe() {
        return (atMost ? "<= " : ">= ") + Results.format(bound) + (everyRound ? " every round" : " median");
    }
}

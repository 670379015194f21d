package io.asyncworker.bench.sched;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded, thread-safe list of lateness samples in nanoseconds. */
final class Samples {
    private final long[] values;
    private final AtomicInteger size = new AtomicInteger();

    Samples(int capacity) {
        this.values = new long[capacity];
    }

    void add(long nanos) {
        int i = size.getAndIncrement();
        if (i < values.length) {
            values[i] = nanos;
        }
    }

    int count() {
        return Math.min(size.get(), values.length);
    }

    /** How many samples after the first {@code skip} exceed {@code nanos}. */
    long countOver(long nanos, int skip) {
        long over = 0;
        for (int i = skip; i < count(); i++) {
            if (values[i] > nanos) {
                over++;
            }
        }
        return over;
    }

    /** Percentile in milliseconds over the samples after the first {@code skip}. */
    double percentileMillis(double p, int skip) {
        int n = count();
        if (n <= skip) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOfRange(values, skip, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p))] / 1e6;
    }
}

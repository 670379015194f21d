package io.asyncworker.internal;

import java.time.Duration;

/** Duration arithmetic that saturates instead of overflowing. */
public final class Durations {
    private Durations() {
    }

    /** A delay in nanoseconds: zero for negative delays, {@link Long#MAX_VALUE} for ones too long to count. */
    public static long nanosOf(Duration delay) {
        if (delay.isNegative()) {
            return 0;
        }
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code a + b} for non-negative values, {@link Long#MAX_VALUE} when it would overflow. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}

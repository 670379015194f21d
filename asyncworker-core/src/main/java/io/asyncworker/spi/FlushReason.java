package io.asyncworker.spi;

import java.util.Locale;

/** Why a bucket handed a batch to its handler; the {@code reason} tag of {@code asyncworker.batch.flush}. */
public enum FlushReason {
    /** The bucket reached the bulk size. */
    SIZE,
    /** The flush timeout passed since the first message entered the empty bucket. */
    TIMEOUT,
    /** The source ended, e.g. an SSE stream closed. */
    END,
    /** The app is stopping. */
    SHUTDOWN;

    private final String tag = name().toLowerCase(Locale.ROOT);

    /** {@return the tag value, lower case} */
    public String tag() {
        return tag;
    }
}

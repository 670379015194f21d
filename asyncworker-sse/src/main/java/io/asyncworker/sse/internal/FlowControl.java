package io.asyncworker.sse.internal;

import io.vertx.core.http.HttpClientResponse;

/**
 * Pauses reading while a stream has more than its high-water mark of delivered but unsettled
 * events and resumes at half of it, so that a slow handler pushes back on the server over TCP.
 * Pausing and resuming happen on the stream's context; {@link #mayResume} is read from handler
 * threads to decide whether a settlement must wake the context.
 */
final class FlowControl {
    private final int highWater;
    private volatile boolean paused;

    FlowControl(int highWater) {
        this.highWater = highWater;
    }

    boolean paused() {
        return paused;
    }

    /**
     * After a chunk was read: pauses the response when too much is unsettled.
     *
     * @return true when it paused just now
     */
    boolean pauseIfFull(HttpClientResponse response, long unsettled) {
        if (paused || unsettled <= highWater) {
            return false;
        }
        paused = true;
        response.pause();
        return true;
    }

    /** Whether a settlement that left {@code unsettled} events may let a paused stream resume. */
    boolean mayResume(long unsettled) {
        return paused && unsettled <= highWater / 2;
    }

    /** Resumes a paused response once enough has settled; on the context. */
    void resumeIfDrained(HttpClientResponse response, long unsettled) {
        if (response != null && mayResume(unsettled)) {
            paused = false;
            response.resume();
        }
    }

    /** The connection is gone: nothing is paused any more. */
    void reset() {
        paused = false;
    }
}

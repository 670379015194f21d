package io.asyncworker.scheduler;

/**
 * What a schedule does when a run falls due while {@code maxConcurrency} of its runs are still
 * active.
 */
public enum Overlap {
    /**
     * Drops the due run; the skip is logged and counted in
     * {@code asyncworker.schedule.skips{schedule,reason=overlap}}. The default.
     */
    SKIP,
    /**
     * Keeps the due run waiting and starts it as soon as a run ends. At most one run waits per
     * schedule: a run that falls due while another already waits is skipped as with {@link #SKIP}.
     * The waiting run keeps its scheduled time, so its lateness shows how long it waited.
     */
    WAIT
}

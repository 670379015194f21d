package io.asyncworker.bench.sched;

import java.time.Instant;

/**
 * Wall time advanced by {@code System.nanoTime()} from an anchor, the way asyncworker's interval
 * schedules keep time: lateness measured against it cannot pick up NTP slewing of the wall clock
 * during the run. Anchored just before {@code app.start()}, so it differs from the scheduler's own
 * anchor by the microseconds between the two reads.
 */
final class MonotonicWall {
    private final Instant wall = Instant.now();
    private final long nanos = System.nanoTime();

    Instant now() {
        return wall.plusNanos(System.nanoTime() - nanos);
    }
}

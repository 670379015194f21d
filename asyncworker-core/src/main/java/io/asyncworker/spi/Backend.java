package io.asyncworker.spi;

import io.asyncworker.ComponentHealth;
import java.time.Duration;
import java.util.List;

/**
 * One backend's part of an app run. The app calls, in this order and from one thread at a time:
 * {@link #start()}; at stop {@link #stopIntake()}, {@link #drain(Duration)}, then — after the
 * user's shutdown hooks — {@link #close()}. When {@code start()} fails, or another backend's
 * does, the same stop sequence runs for every backend that was created. {@link #health()} may
 * be called from any thread at any time.
 */
public interface Backend {

    /**
     * Opens connections and starts consuming, serving or scheduling; throws to fail the app's start.
     *
     * @throws Exception when anything fails to start; the app then stops what started
     */
    void start() throws Exception;

    /** Stops taking new work: cancel consumers, close streams, stop schedules, stop accepting requests. */
    void stopIntake();

    /**
     * Flushes partial batches, waits for running handlers within the budget, and settles every
     * message: its outcome, or requeue when it never ran.
     *
     * @param budget the time budget
     */
    void drain(Duration budget);

    /** Closes connections and releases resources; after this the backend is done. */
    void close();

    /** {@return the state of each consumer, stream, schedule or server this backend runs} */
    List<ComponentHealth> health();
}

package io.asyncworker.spi;

/** A scheduled task that can be cancelled; cancelling a task that already ran does nothing. */
@FunctionalInterface
public interface Cancellable {

    /** Cancels the task if it has not run yet. */
    void cancel();
}

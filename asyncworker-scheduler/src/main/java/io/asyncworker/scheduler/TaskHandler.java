package io.asyncworker.scheduler;

/**
 * A recurring task's blocking code.
 *
 * <p>Called on a fresh virtual thread per run, so plain blocking code is fine. Runs of one
 * schedule overlap only when its {@code maxConcurrency} is above 1. A run that outlives the
 * shutdown budget at stop is interrupted: blocking calls then throw
 * {@link InterruptedException}, which the task should let propagate.
 *
 * <pre>{@code
 * app.route(Schedule.every(Duration.ofSeconds(30)).handler(ctx -> refreshCache(ctx.app())));
 * }</pre>
 */
@FunctionalInterface
public interface TaskHandler {

    /**
     * Runs the task once.
     *
     * @param ctx the run's app, scheduled time and number
     * @throws Exception to fail this run; it is logged and counted, and the schedule goes on
     */
    void run(TaskContext ctx) throws Exception;
}

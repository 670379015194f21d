package io.asyncworker.http.internal;

import io.asyncworker.spi.TaskRunner;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;


/**
 * Starts one virtual thread per task, but from an event loop it starts them together at the end
 * of the loop's current turn, after every request that turn read has been parsed.
 *
 * <p>Why: starting a virtual thread wakes a parked carrier thread of the JDK scheduler, which
 * parks again once it runs out of work; each wake and park is a futex call and a context switch.
 * Started one by one while the loop is still reading, the threads mostly find an idle carrier and
 * pay that price each (about a fifth of the CPU of a small request in a profile). Started in a
 * burst, one woken carrier runs several before it parks. Each task still gets a fresh virtual
 * thread of its own and never waits for another task; the delay is the rest of one loop turn.
 *
 * <p>Off an event loop, tasks start at once. Thread-safe; the batch is per event-loop thread.
 */
final class TurnBatchedStarts {
    /** A task that is told when its thread could not be started. */
    interface Task extends TaskRunner.Task {
        void notStarted(RuntimeException cause);
    }

    private final TaskRunner runner;
    private final ThreadLocal<List<Task>> pending = ThreadLocal.withInitial(ArrayList::new);

    TurnBatchedStarts(TaskRunner runner) {
        this.runner = runner;
    }

    /** Starts the task on a virtual thread of its own, at the latest when the current loop turn ends. */
    void start(Task task) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            startNow(task);
            return;
        }
        List<Task> batch = pending.get();
        batch.add(task);
        if (batch.size() == 1) {
            context.runOnContext(ignored -> startAll(batch));
        }
    }

    private void startAll(List<Task> batch) {
        try {
            for (int i = 0; i < batch.size(); i++) {
                startNow(batch.get(i));
            }
        } finally {
            batch.clear();
        }
    }

    private void startNow(Task task) {
        try {
            runner.submit(task);
        } catch (RuntimeException e) {
            task.notStarted(e);
        }
    }
}

package io.asyncworker.internal.app;

import io.asyncworker.App;
import io.asyncworker.LifecycleHook;
import io.asyncworker.spi.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop sequence (SPEC §9): stop intake of every backend at once, drain every backend at once
 * within the budget, run the shutdown hooks in reverse, close the backends in reverse. Each step's failure
 * is logged and the sequence goes on, so that nothing is left open.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
    }

    static void run(App app, List<Backend> backends, List<LifecycleHook> hooks, Duration budget) {
        inParallel(backends, "stop intake of ", Backend::stopIntake);
        inParallel(backends, "drain ", b -> b.drain(budget));
        for (LifecycleHook hook : hooks.reversed()) {
            quietly("shutdown hook", () -> hook.run(app));
        }
        backends.reversed().forEach(b -> quietly("close " + name(b), b::close));
    }

    /** Runs one stop step on every backend at once, so that a slow backend does not delay the others. */
    private static void inParallel(List<Backend> backends, String what, Consumer<Backend> step) {
        List<Thread> threads = new ArrayList<>();
        for (Backend b : backends) {
            threads.add(Thread.ofVirtual().name("asyncworker-stop").start(() -> quietly(what + name(b), () -> step.accept(b))));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted during '{}'; continuing the stop", what.trim());
                return;
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static void quietly(String what, Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            LOG.error("{} failed during stop", what, e);
        }
    }

    private static String name(Backend b) {
        return b.getClass().getSimpleName();
    }
}

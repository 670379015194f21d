package io.asyncworker.internal.app;

import io.asyncworker.App;
import io.asyncworker.LifecycleHook;
import io.asyncworker.spi.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stop sequence (SPEC §9): stop intake everywhere, drain every backend at once within the
 * budget, run the shutdown hooks in reverse, close the backends in reverse. Each step's failure
 * is logged and the sequence goes on, so that nothing is left open.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private Shutdown() {
    }

    static void run(App app, List<Backend> backends, List<LifecycleHook> hooks, Duration budget) {
        backends.forEach(b -> quietly("stop intake of " + name(b), b::stopIntake));
        drainAll(backends, budget);
        for (LifecycleHook hook : hooks.reversed()) {
            quietly("shutdown hook", () -> hook.run(app));
        }
        backends.reversed().forEach(b -> quietly("close " + name(b), b::close));
    }

    private static void drainAll(List<Backend> backends, Duration budget) {
        List<Thread> drains = new ArrayList<>();
        for (Backend b : backends) {
            drains.add(Thread.ofVirtual().name("asyncworker-drain").start(() -> quietly("drain " + name(b), () -> b.drain(budget))));
        }
        for (Thread t : drains) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("interrupted while draining; continuing the stop");
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

package io.asyncworker.bench.sched;

import io.asyncworker.http.HttpSettings;
import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.bench.Params;
import io.asyncworker.bench.Probe;
import io.asyncworker.scheduler.Schedule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scheduler contenders, each in its own JVM. Lateness = actual start of the task - its scheduled
 * time. asyncworker: {@code now - ctx.scheduledTime()} at the start of the handler (on its
 * virtual thread; now = wall anchor + nanoTime, see {@link MonotonicWall}). STPE:
 * {@code nanoTime() - (first + k * period)} at the start of the task (on the pool thread) for
 * {@code scheduleAtFixedRate}.
 */
public final class SchedContenders {
    static final int WARMUP_RUNS = 5;

    private SchedContenders() {
    }

    public static Map<String, Object> lateness(Params params, boolean asyncworker) throws Exception {
        Duration period = Duration.ofMillis(params.getInt("periodMillis", 100));
        int seconds = params.getInt("seconds");
        Samples samples = new Samples(seconds * 1000 / (int) period.toMillis() + 100);
        AtomicBoolean busy = new AtomicBoolean(params.flag("loaded"));
        Thread spinner = busy.get() ? Thread.ofPlatform().daemon().name("busy").start(() -> spin(busy, seconds + 30)) : null;
        try {
            AutoCloseable running = asyncworker ? startAsyncworker(period, samples, !params.get("metrics", "true").equals("false")) : startStpe(period, samples);
            Probe.sleep(seconds * 1000L + period.toMillis() / 2);
            running.close();
        } finally {
            busy.set(false);
            if (spinner != null) {
                spinner.join(5_000);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", samples.count());
        result.put("p50", samples.percentileMillis(0.50, WARMUP_RUNS));
        result.put("p99", samples.percentileMillis(0.99, WARMUP_RUNS));
        result.put("max", samples.percentileMillis(1.0, WARMUP_RUNS));
        result.put("over5ms", samples.countOver(5_000_000L, WARMUP_RUNS));
        return result;
    }

    private static AutoCloseable startAsyncworker(Duration period, Samples samples, boolean metrics) {
        App app = App.create(SchedContenders.settings(metrics));
        MonotonicWall clock = new MonotonicWall();
        app.route(Schedule.every(period).name("tick").handler(ctx -> samples.add(
                Duration.between(ctx.scheduledTime(), clock.now()).toNanos())));
        app.start();
        return app;
    }

    private static AutoCloseable startStpe(Duration period, Samples samples) {
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(1);
        long p = period.toNanos();
        FixedRateProbe task = new FixedRateProbe(samples, p);
        task.first = System.nanoTime() + p;
        stpe.scheduleAtFixedRate(task, p, p, TimeUnit.NANOSECONDS);
        return stpe::shutdownNow;
    }

    /** Default settings (metrics and /metrics server on) with a random HTTP port, or metrics off. */
    static Settings settings(boolean metrics) {
        return Settings.from(Map.of(HttpSettings.METRICS_ENABLED.name(), String.valueOf(metrics), HttpSettings.PORT.name(), "0",
                HttpSettings.HOST.name(), "127.0.0.1"));
    }

    /**
     * An STPE fixed-rate task measuring its own lateness against {@code first + k * period}; the
     * runnable exists before {@code first} is read so no lambda bootstrap sits between the two.
     */
    static final class FixedRateProbe implements Runnable {
        private final Samples samples;
        private final long period;
        volatile long first;
        private long k;

        FixedRateProbe(Samples samples, long period) {
            this.samples = samples;
            this.period = period;
        }

        @Override
        public void run() {
            samples.add(System.nanoTime() - (first + period * k++));
        }
    }

    private static void spin(AtomicBoolean busy, int maxSeconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long x = 0;
        while (busy.get() && System.nanoTime() < end) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.err.println("unlikely");
        }
    }
}

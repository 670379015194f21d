package io.asyncworker.bench.sched;

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

/**
 * N schedules registered at once, all every 1 s (so they fire together): CPU and wall time to
 * register and start, live heap with all armed, CPU over a window of W seconds, runs done and
 * the lateness of those runs (runs and lateness counted inside the window only). asyncworker: N {@code Schedule.every(1s)} routes in one app; STPE: N
 * {@code scheduleAtFixedRate} on a pool with one thread per core.
 */
public final class ManySchedules {
    private ManySchedules() {
    }

    public static Map<String, Object> run(Params params, boolean asyncworker) throws Exception {
        int n = params.getInt("schedules");
        int window = params.getInt("seconds");
        Samples samples = new Samples(n * (window + 3));
        long heapBefore = Probe.liveHeapBytes();
        long cpu0 = Probe.processCpuNanos();
        long t0 = System.nanoTime();
        AutoCloseable running = asyncworker ? asyncworker(n, samples, !params.get("metrics", "true").equals("false")) : stpe(n, samples);
        long t1 = System.nanoTime();
        long cpu1 = Probe.processCpuNanos();
        int runsBefore = samples.count();
        Probe.sleep(window * 1000L);
        long cpu2 = Probe.processCpuNanos();
        int runsInWindow = samples.count() - runsBefore;
        long heap = Probe.liveHeapBytes();
        running.close();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startSeconds", (t1 - t0) / 1e9);
        result.put("startCpu", (cpu1 - cpu0) / 1e9);
        result.put("windowCpu", (cpu2 - cpu1) / 1e9);
        result.put("runs", runsInWindow);
        result.put("heapMiB", Probe.mib(heap));
        result.put("heapBeforeMiB", Probe.mib(heapBefore));
        result.put("p50", samples.percentileMillis(0.50, runsBefore));
        result.put("p99", samples.percentileMillis(0.99, runsBefore));
        return result;
    }

    private static AutoCloseable asyncworker(int n, Samples samples, boolean metrics) {
        App app = App.create(SchedContenders.settings(metrics));
        MonotonicWall clock = new MonotonicWall();
        for (int i = 0; i < n; i++) {
            app.route(Schedule.every(Duration.ofSeconds(1)).name("s" + i).handler(ctx -> samples.add(
                    Duration.between(ctx.scheduledTime(), clock.now()).toNanos())));
        }
        app.start();
        return app;
    }

    private static AutoCloseable stpe(int n, Samples samples) {
        ScheduledThreadPoolExecutor stpe = new ScheduledThreadPoolExecutor(Runtime.getRuntime().availableProcessors());
        long p = TimeUnit.SECONDS.toNanos(1);
        for (int i = 0; i < n; i++) {
            SchedContenders.FixedRateProbe task = new SchedContenders.FixedRateProbe(samples, p);
            task.first = System.nanoTime() + p;
            stpe.scheduleAtFixedRate(task, p, p, TimeUnit.NANOSECONDS);
        }
        return stpe::shutdownNow;
    }
}

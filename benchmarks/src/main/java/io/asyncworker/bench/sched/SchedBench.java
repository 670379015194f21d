package io.asyncworker.bench.sched;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Results;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scheduler: lateness of a 100 ms fixed-rate schedule (idle, and with a busy thread loading the
 * other core), and 10,000 schedules registered at once; asyncworker next to a plain
 * ScheduledThreadPoolExecutor, each in its own JVM, one after another.
 */
public final class SchedBench {
    private static final String BENCH = "scheduler";

    private final Results results;
    private final int seconds;
    private final int manySeconds;

    public SchedBench(Results results, boolean quick) {
        this.results = results;
        this.seconds = quick ? 10 : 60;
        this.manySeconds = quick ? 5 : 20;
    }

    public void run() throws Exception {
        System.out.printf("== Scheduler: 100 ms fixed rate for %d s (first %d runs dropped)%n", seconds,
                SchedContenders.WARMUP_RUNS);
        Map<String, String> asyncworkerIdle = null;
        for (String mode : new String[] {"idle", "loaded"}) {
            for (String child : new String[] {"sched-stpe", "sched-asyncworker"}) {
                if (!Child.selected(child)) {
                    continue;
                }
                String label = (child.equals("sched-stpe") ? "STPE scheduleAtFixedRate" : "asyncworker Schedule.every")
                        + " 100ms, " + mode;
                try {
                    Map<String, String> r = Child.run(Duration.ofSeconds(seconds + 120), child,
                            "seconds=" + seconds, "loaded=" + mode.equals("loaded"));
                    results.figure(BENCH, label, "runs", Double.parseDouble(r.get("runs")));
                    for (String p : new String[] {"p50", "p99", "max"}) {
                        results.figure(BENCH, label, "lateness " + p + " ms", Double.parseDouble(r.get(p)));
                    }
                    results.figure(BENCH, label, "runs later than 5 ms", Double.parseDouble(r.get("over5ms")));
                    if (child.equals("sched-asyncworker") && mode.equals("idle")) {
                        asyncworkerIdle = r;
                    }
                } catch (Exception e) {
                    results.missing(BENCH, label, String.valueOf(e.getMessage()));
                }
            }
        }
        results.claim(BENCH, "asyncworker 100 ms schedule, idle: p99 lateness (ms)",
                asyncworkerIdle == null ? Double.NaN : Double.parseDouble(asyncworkerIdle.get("p99")), 5.0, true);
        many();
    }

    private void many() {
        System.out.printf("== Scheduler: 10,000 schedules every 1 s, registered at once, %d s window%n", manySeconds);
        Map<String, String[]> contenders = new LinkedHashMap<>();
        contenders.put("STPE 10k x scheduleAtFixedRate(1s)", new String[] {"sched-many-stpe"});
        contenders.put("asyncworker 10k x Schedule.every(1s)", new String[] {"sched-many-asyncworker", "metrics=true"});
        contenders.put("asyncworker 10k, metrics off", new String[] {"sched-many-asyncworker", "metrics=false"});
        for (var e : contenders.entrySet()) {
            String[] args = e.getValue();
            if (!Child.selected(args[0])) {
                continue;
            }
            try {
                Map<String, String> r = Child.run(Duration.ofSeconds(manySeconds + 180), args[0],
                        "schedules=10000", "seconds=" + manySeconds, args.length > 1 ? args[1] : "metrics=true");
                figure(e.getKey(), r, "startSeconds", "register+start wall s");
                figure(e.getKey(), r, "startCpu", "register+start CPU s");
                figure(e.getKey(), r, "windowCpu", "CPU s over window");
                figure(e.getKey(), r, "runs", "runs in window");
                figure(e.getKey(), r, "heapMiB", "live heap MiB");
                figure(e.getKey(), r, "p50", "lateness p50 ms");
                figure(e.getKey(), r, "p99", "lateness p99 ms");
            } catch (Exception ex) {
                results.missing(BENCH, e.getKey(), String.valueOf(ex.getMessage()));
            }
        }
    }

    private void figure(String label, Map<String, String> r, String key, String metric) {
        results.figure(BENCH, label, metric, Double.parseDouble(r.get(key)));
    }
}

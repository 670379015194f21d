package io.asyncworker.bench.sse;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Results;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SSE: one loopback server (driver JVM) streams N small JSON events per connection; each client
 * contender reads the whole stream in its own JVM. Rounds interleave; each contender's best counts.
 */
public final class SseBench {
    private static final String BENCH = "sse";

    private final Results results;
    private final int events;
    private final int rounds;

    public SseBench(Results results, boolean quick) {
        this.results = results;
        this.events = quick ? 200_000 : 1_000_000;
        this.rounds = quick ? 1 : 3;
    }

    public void run() throws Exception {
        System.out.printf("== SSE: %d events per contender from a loopback Vert.x server, %d round(s)%n", events, rounds);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("sse-okhttp-background", "okhttp-eventsource BackgroundEventSource");
        labels.put("sse-okhttp-pull", "okhttp-eventsource messages() pull");
        labels.put("sse-asyncworker", "asyncworker-sse bulk 1000");
        Map<String, Map<String, String>> best = new LinkedHashMap<>();
        try (EventServer server = new EventServer(events)) {
            String url = "http://127.0.0.1:" + server.port() + "/events";
            for (int round = 1; round <= rounds; round++) {
                for (String child : labels.keySet()) {
                    if (!Child.selected(child)) {
                        continue;
                    }
                    try {
                        Map<String, String> r = Child.run(Duration.ofMinutes(5), child, "url=" + url,
                                "count=" + events, "bulk=1000");
                        System.out.printf("  round %d %-42s %10.0f events/s  cpu %5.2f s%n", round, labels.get(child),
                                Double.parseDouble(r.get("rate")), Double.parseDouble(r.get("cpu")));
                        if (!best.containsKey(child) || rate(r) > rate(best.get(child))) {
                            best.put(child, r);
                        }
                    } catch (Exception e) {
                        System.out.println("  round " + round + " " + child + " FAILED: " + e.getMessage());
                    }
                }
            }
            System.out.println("  server answered " + server.requests.get() + " requests");
        }
        report(labels, best);
    }

    private void report(Map<String, String> labels, Map<String, Map<String, String>> best) {
        for (var e : labels.entrySet()) {
            Map<String, String> r = best.get(e.getKey());
            if (r == null) {
                results.missing(BENCH, e.getValue(), "failed in every round (see log)");
                continue;
            }
            results.figure(BENCH, e.getValue(), "events/s", rate(r));
            results.figure(BENCH, e.getValue(), "events/s incl. connect", Double.parseDouble(r.get("e2eRate")));
            results.figure(BENCH, e.getValue(), "client CPU s", Double.parseDouble(r.get("cpu")));
            if (r.containsKey("appStart")) {
                results.figure(BENCH, e.getValue(), "app.start() s", Double.parseDouble(r.get("appStart")));
            }
        }
        Map<String, String> a = best.get("sse-asyncworker");
        for (String ref : List.of("sse-okhttp-background", "sse-okhttp-pull")) {
            Map<String, String> r = best.get(ref);
            double ratio = a == null || r == null ? Double.NaN : rate(a) / rate(r);
            results.claim(BENCH, "asyncworker-sse events/s / " + labels.get(ref), ratio, 1.0, false);
        }
    }

    private static double rate(Map<String, String> r) {
        return Double.parseDouble(r.get("rate"));
    }
}

package io.asyncworker.bench.sse;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Claims;
import io.asyncworker.bench.Results;
import io.asyncworker.bench.Rounds;
import io.asyncworker.bench.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * SSE: one loopback server (driver JVM) streams N small JSON events per connection; each client
 * contender reads the whole stream in its own JVM. Within a round every client runs once, in an
 * order turned by one each round; the claims are medians of same-round ratios (see {@link Claims}).
 */
public final class SseBench {
    private static final String BENCH = "sse";
    private static final String ASYNCWORKER = "asyncworker-sse bulk 1000";
    private static final String PULL = "okhttp-eventsource messages() pull";
    private static final String BACKGROUND = "okhttp-eventsource BackgroundEventSource";
    private static final String BASE = "asyncworker-sse bulk 1000, base build";
    private static final Map<String, String> CHILDREN = Map.of(ASYNCWORKER, "sse-asyncworker",
            PULL, "sse-okhttp-pull", BACKGROUND, "sse-okhttp-background", BASE, "sse-asyncworker");

    private final Results results;
    private final int events;
    private final int rounds;
    /** Another build's benchmark classpath (run.sh: {@code BENCH_BASE_CP}), run as one more contender; empty for none. */
    private final String baseClasspath = System.getProperty("bench.baseClasspath", "");

    public SseBench(Results results, boolean quick) {
        this.results = results;
        this.events = quick ? 200_000 : 1_000_000;
        this.rounds = Math.max(1, Integer.getInteger("bench.rounds", quick ? 2 : 3));
    }

    public void run() throws Exception {
        System.out.printf("== SSE: %d events per contender from a loopback Vert.x server, %d interleaved round(s)%n",
                events, rounds);
        Rounds measured = new Rounds();
        List<String> selected = contenders().stream().filter(label -> Child.selected(CHILDREN.get(label))).toList();
        try (EventServer server = new EventServer(events)) {
            String url = "http://127.0.0.1:" + server.port() + "/events";
            for (int round = 1; round <= rounds; round++) {
                for (String label : Rounds.rotated(selected, round)) {
                    readAndRecord(url, round, label, measured);
                }
            }
            System.out.println("  server answered " + server.requests.get() + " requests");
        }
        report(new Claims(results, BENCH, measured, "events/s", "steadyCpu", "client CPU s over the rate's span"));
    }

    private List<String> contenders() {
        return baseClasspath.isBlank() ? List.of(ASYNCWORKER, PULL, BACKGROUND)
                : List.of(ASYNCWORKER, PULL, BACKGROUND, BASE);
    }

    private void readAndRecord(String url, int round, String label, Rounds measured) {
        try {
            String child = CHILDREN.get(label);
            String[] args = {"url=" + url, "count=" + events, "bulk=1000"};
            Map<String, String> r = label.equals(BASE) ? Child.runOn(baseClasspath, Duration.ofMinutes(5), child, args)
                    : Child.run(Duration.ofMinutes(5), child, args);
            System.out.printf("  round %d %-42s %10.0f events/s  cpu %5.2f s (steady span %5.2f s)%n", round, label,
                    Double.parseDouble(r.get("rate")), Double.parseDouble(r.get("cpu")),
                    Double.parseDouble(r.get("steadyCpu")));
            measured.record(round, label, r);
        } catch (Exception e) {
            System.out.println("  round " + round + " " + label + " FAILED: " + e.getMessage());
        }
    }

    private void report(Claims c) {
        c.figures(List.of(BACKGROUND, PULL, ASYNCWORKER), "incl. connect");
        c.rate("asyncworker-sse events/s / okhttp-eventsource messages() pull", ASYNCWORKER, PULL, Target.atLeast(1.0));
        c.cpu("asyncworker-sse client CPU / okhttp-eventsource messages() pull", ASYNCWORKER, PULL, Target.atMost(1.3));
        c.warm("asyncworker-sse second half events/s (and CPU) / okhttp-eventsource messages() pull", ASYNCWORKER, PULL);
        c.wholeCpu("asyncworker-sse whole-process CPU, start-up included / okhttp-eventsource messages() pull",
                ASYNCWORKER, PULL);
        c.extra("asyncworker-sse events/s / okhttp-eventsource BackgroundEventSource", ASYNCWORKER, BACKGROUND);
        if (!baseClasspath.isBlank()) {
            c.extra("asyncworker-sse events/s / the base build's (BENCH_BASE_CP)", ASYNCWORKER, BASE);
        }
    }
}

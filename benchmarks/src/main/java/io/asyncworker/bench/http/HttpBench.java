package io.asyncworker.bench.http;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Results;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP JSON echo: the asyncworker-http route vs a bare Vert.x HttpServer, each in its own JVM, the
 * same load (wrk, or the Java load generator when wrk is missing) for the same time. A warm-up
 * run precedes each measured run. Rounds alternate the two; the best round of each counts.
 */
public final class HttpBench {
    private static final String BENCH = "http";
    private static final int CONNECTIONS = 32;

    private final Results results;
    private final Duration warmup;
    private final Duration measure;
    private final int rounds;

    public HttpBench(Results results, boolean quick) {
        this.results = results;
        this.warmup = Duration.ofSeconds(quick ? 3 : 10);
        this.measure = Duration.ofSeconds(quick ? 5 : 20);
        this.rounds = quick ? 1 : 2;
    }

    /** The request body: a 200-byte JSON object. */
    static String body() {
        return new String(io.asyncworker.bench.rabbit.Item.sample(200), StandardCharsets.US_ASCII);
    }

    public void run() throws Exception {
        LoadGenerator load = Wrk.available() && !"java".equals(System.getProperty("bench.load")) ? new Wrk() : new JavaLoad();
        System.out.printf("== HTTP echo: %s, %s warm-up + %s measured, %d round(s)%n",
                load.describe(CONNECTIONS), warmup, measure, rounds);
        Map<String, LoadGenerator.Load> best = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String contender : new String[] {"http-vertx", "http-asyncworker"}) {
                if (!Child.selected(contender)) {
                    continue;
                }
                try (Child server = Child.start(contender)) {
                    int port = Integer.parseInt(server.awaitReady(Duration.ofSeconds(60)).get("port"));
                    load.run(port, CONNECTIONS, warmup);
                    double cpuBefore = server.cpuSeconds();
                    LoadGenerator.Load l = load.run(port, CONNECTIONS, measure);
                    double serverCpu = server.cpuSeconds() - cpuBefore;
                    System.out.printf("  round %d %-18s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %.1f s%n",
                            round, contender, l.requestsPerSecond(), l.p50Millis(), l.p99Millis(), serverCpu);
                    if (!best.containsKey(contender) || l.requestsPerSecond() > best.get(contender).requestsPerSecond()) {
                        best.put(contender, l);
                        cpu.put(contender, serverCpu);
                    }
                } catch (Exception e) {
                    System.out.println("  round " + round + " " + contender + " FAILED: " + e);
                }
            }
        }
        report(best, cpu);
    }

    private void report(Map<String, LoadGenerator.Load> best, Map<String, Double> cpu) {
        for (var e : best.entrySet()) {
            String label = e.getKey().equals("http-vertx") ? "bare Vert.x echo" : "asyncworker-http echo";
            results.figure(BENCH, label, "requests/s", e.getValue().requestsPerSecond());
            results.figure(BENCH, label, "p50 ms", e.getValue().p50Millis());
            results.figure(BENCH, label, "p99 ms", e.getValue().p99Millis());
            results.figure(BENCH, label, "server CPU s/10k req",
                    cpu.get(e.getKey()) / (e.getValue().requestsPerSecond() * measure.toSeconds()) * 10_000);
        }
        LoadGenerator.Load a = best.get("http-asyncworker");
        LoadGenerator.Load v = best.get("http-vertx");
        double ratio = a == null || v == null ? Double.NaN : a.requestsPerSecond() / v.requestsPerSecond();
        results.claim(BENCH, "asyncworker-http echo req/s / bare Vert.x echo req/s", ratio, 0.8, false);
    }
}

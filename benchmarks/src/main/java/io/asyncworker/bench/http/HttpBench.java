package io.asyncworker.bench.http;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Claims;
import io.asyncworker.bench.Ratios;
import io.asyncworker.bench.Results;
import io.asyncworker.bench.Rounds;
import io.asyncworker.bench.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HTTP JSON echo: the asyncworker-http route vs a bare Vert.x HttpServer, each in its own JVM, both
 * started once and warmed up to steady state, then measured in short windows that alternate
 * between the two (A B, B A, A B, ...) under the same load (wrk, or the Java load generator when
 * wrk is missing). Each round's two windows are adjacent in time, so a slow spell of the machine
 * hits both; the claims are the median of the rounds' ratios (asyncworker / Vert.x) and the worst round.
 */
public final class HttpBench {
    private static final String BENCH = "http";
    private static final int CONNECTIONS = 32;
    private static final String VERTX = "http-vertx";
    private static final String ASYNCWORKER = "http-asyncworker";

    private final Results results;
    private final int warmupWindows;
    private final Duration window;
    private final int rounds;

    public HttpBench(Results results, boolean quick) {
        this.results = results;
        this.window = Duration.ofSeconds(quick ? 5 : 10);
        this.warmupWindows = quick ? 3 : 4;
        this.rounds = Integer.getInteger("bench.httpRounds", quick ? 2 : 6);
    }

    /** The request body: a 200-byte JSON object. */
    static String body() {
        return new String(io.asyncworker.bench.rabbit.Item.sample(200), StandardCharsets.US_ASCII);
    }

    /** One measured window of one server. */
    record Window(LoadGenerator.Load load, double serverCpuSeconds, Duration length) {
        /** The fields a round records: {@code rate} (req/s), {@code cpu} (server CPU s per 10k requests), p50, p99. */
        Map<String, Double> fields() {
            double requests = load.requestsPerSecond() * length.toMillis() / 1000.0;
            return Map.of("rate", load.requestsPerSecond(), "cpu", serverCpuSeconds / requests * 10_000,
                    "p50", load.p50Millis(), "p99", load.p99Millis());
        }
    }

    public void run() throws Exception {
        LoadGenerator load = Wrk.available() && !"java".equals(System.getProperty("bench.load")) ? new Wrk() : new JavaLoad();
        System.out.printf("== HTTP echo: %s; each server warmed up for %d x %s, then %d rounds of %s windows, alternating%n",
                load.describe(CONNECTIONS), warmupWindows, window, rounds, window);
        List<String> contenders = Stream.of(VERTX, ASYNCWORKER).filter(Child::selected).toList();
        Map<String, Child> servers = new LinkedHashMap<>();
        try {
            for (String contender : contenders) {
                servers.put(contender, Child.start(contender));
            }
            Map<String, Integer> ports = ports(servers);
            for (String contender : contenders) {
                warmUp(load, contender, ports.get(contender));
            }
            report(measureRounds(load, servers, ports));
        } finally {
            for (Child server : servers.values()) {
                server.close();
            }
        }
    }

    private static Map<String, Integer> ports(Map<String, Child> servers) throws Exception {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (var e : servers.entrySet()) {
            ports.put(e.getKey(), Integer.parseInt(e.getValue().awaitReady(Duration.ofSeconds(60)).get("port")));
        }
        return ports;
    }

    /** Runs the load for the warm-up windows; prints the rate of each to show whether it levelled off. */
    private void warmUp(LoadGenerator load, String contender, int port) throws Exception {
        StringBuilder curve = new StringBuilder();
        for (int i = 0; i < warmupWindows; i++) {
            curve.append(String.format(" %.0f", load.run(port, CONNECTIONS, window).requestsPerSecond()));
        }
        System.out.printf("  warm-up %-18s req/s per window:%s%n", contender, curve);
    }

    /** Alternating windows: A B, B A, A B, ... (the order turned by one per round), each pair adjacent in time. */
    private Rounds measureRounds(LoadGenerator load, Map<String, Child> servers, Map<String, Integer> ports)
            throws Exception {
        Rounds measured = new Rounds();
        for (int round = 1; round <= rounds; round++) {
            for (String contender : Rounds.rotated(List.copyOf(servers.keySet()), round)) {
                Window w = measure(load, servers.get(contender), ports.get(contender));
                measured.record(round, label(contender), w.fields());
                System.out.printf("  round %d %-18s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %.1f s%n",
                        round, contender, w.load().requestsPerSecond(), w.load().p50Millis(),
                        w.load().p99Millis(), w.serverCpuSeconds());
            }
        }
        return measured;
    }

    private Window measure(LoadGenerator load, Child server, int port) throws Exception {
        double cpuBefore = server.cpuSeconds();
        LoadGenerator.Load l = load.run(port, CONNECTIONS, window);
        return new Window(l, server.cpuSeconds() - cpuBefore, window);
    }

    private void report(Rounds measured) {
        Claims claims = new Claims(results, BENCH, measured, "req/s", "cpu", "server CPU s/10k req");
        claims.figures(List.of(label(VERTX), label(ASYNCWORKER)), "-");
        for (String label : List.of(label(VERTX), label(ASYNCWORKER))) {
            figure(measured, label, "p50", "p50 ms (median)");
            figure(measured, label, "p99", "p99 ms (median)");
        }
        claims.rate("asyncworker-http echo req/s / bare Vert.x echo req/s", label(ASYNCWORKER), label(VERTX),
                Target.atLeast(0.85));
        claims.rate("asyncworker-http echo req/s / bare Vert.x echo req/s, worst round", label(ASYNCWORKER),
                label(VERTX), Target.everyRoundAtLeast(0.75));
    }

    private void figure(Rounds measured, String label, String field, String metric) {
        double[] values = measured.values(label, field);
        if (values.length > 0) {
            results.figure(BENCH, label, metric, Ratios.median(values));
        }
    }

    private static String label(String contender) {
        return contender.equals(VERTX) ? "bare Vert.x echo" : "asyncworker-http echo";
    }
}

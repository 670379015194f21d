package io.asyncworker.bench.http;

import io.asyncworker.bench.Child;
import io.asyncworker.bench.Results;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP JSON echo: the asyncworker-http route vs a bare Vert.x HttpServer, each in its own JVM, both
 * started once and warmed up to steady state, then measured in short windows that alternate
 * between the two (A B, B A, A B, ...) under the same load (wrk, or the Java load generator when
 * wrk is missing). Each round's two windows are adjacent in time, so a slow spell of the machine
 * hits both; the claim is the median of the rounds' ratios.
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
    record Window(LoadGenerator.Load load, double serverCpuSeconds) {
    }

    public void run() throws Exception {
        LoadGenerator load = Wrk.available() && !"java".equals(System.getProperty("bench.load")) ? new Wrk() : new JavaLoad();
        System.out.printf("== HTTP echo: %s; each server warmed up for %d x %s, then %d rounds of %s windows, alternating%n",
                load.describe(CONNECTIONS), warmupWindows, window, rounds, window);
        List<String> contenders = Arrays.stream(new String[] {VERTX, ASYNCWORKER}).filter(Child::selected).toList();
        Map<String, Child> servers = new LinkedHashMap<>();
        try {
            for (String contender : contenders) {
                servers.put(contender, Child.start(contender));
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (var e : servers.entrySet()) {
                ports.put(e.getKey(), Integer.parseInt(e.getValue().awaitReady(Duration.ofSeconds(60)).get("port")));
            }
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

    /** Runs the load for the warm-up windows; prints the rate of each to show whether it levelled off. */
    private void warmUp(LoadGenerator load, String contender, int port) throws Exception {
        StringBuilder curve = new StringBuilder();
        for (int i = 0; i < warmupWindows; i++) {
            curve.append(String.format(" %.0f", load.run(port, CONNECTIONS, window).requestsPerSecond()));
        }
        System.out.printf("  warm-up %-18s req/s per window:%s%n", contender, curve);
    }

    /** Alternating windows: A B, B A, A B, ... so that each round's pair is adjacent in time. */
    private Map<String, List<Window>> measureRounds(LoadGenerator load, Map<String, Child> servers,
            Map<String, Integer> ports) throws Exception {
        Map<String, List<Window>> windows = new LinkedHashMap<>();
        servers.keySet().forEach(c -> windows.put(c, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(servers.keySet());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String contender : order) {
                Window w = measure(load, servers.get(contender), ports.get(contender));
                windows.get(contender).add(w);
                System.out.printf("  round %d %-18s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %.1f s%n",
                        round, contender, w.load().requestsPerSecond(), w.load().p50Millis(),
                        w.load().p99Millis(), w.serverCpuSeconds());
            }
        }
        return windows;
    }

    private Window measure(LoadGenerator load, Child server, int port) throws Exception {
        double cpuBefore = server.cpuSeconds();
        LoadGenerator.Load l = load.run(port, CONNECTIONS, window);
        return new Window(l, server.cpuSeconds() - cpuBefore);
    }

    private void report(Map<String, List<Window>> windows) {
        for (var e : windows.entrySet()) {
            String label = e.getKey().equals(VERTX) ? "bare Vert.x echo" : "asyncworker-http echo";
            List<Window> ws = e.getValue();
            double[] rates = ws.stream().mapToDouble(w -> w.load().requestsPerSecond()).toArray();
            double requests = Arrays.stream(rates).sum() * window.toSeconds();
            double cpu = ws.stream().mapToDouble(Window::serverCpuSeconds).sum();
            results.figure(BENCH, label, "requests/s (median)", median(Arrays.stream(rates)));
            results.figure(BENCH, label, "requests/s (best)", Arrays.stream(rates).max().orElse(Double.NaN));
            results.figure(BENCH, label, "p50 ms (median)", median(ws.stream().mapToDouble(w -> w.load().p50Millis())));
            results.figure(BENCH, label, "p99 ms (median)", median(ws.stream().mapToDouble(w -> w.load().p99Millis())));
            results.figure(BENCH, label, "server CPU s/10k req", cpu / requests * 10_000);
        }
        List<Window> a = windows.getOrDefault(ASYNCWORKER, List.of());
        List<Window> v = windows.getOrDefault(VERTX, List.of());
        double[] ratios = new double[Math.min(a.size(), v.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a.get(i).load().requestsPerSecond() / v.get(i).load().requestsPerSecond();
        }
        System.out.println("  per-round ratios: " + Arrays.toString(Arrays.stream(ratios).map(r -> Math.round(r * 1000) / 1000.0).toArray()));
        results.claim(BENCH, "asyncworker-http echo req/s / bare Vert.x echo req/s (median of rounds)",
                median(Arrays.stream(ratios)), 0.8, false);
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

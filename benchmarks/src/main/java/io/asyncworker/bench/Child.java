package io.asyncworker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A contender in its own JVM: same java, same classpath, same flags for every contender.
 * The child prints {@code READY k=v...} when it serves (servers) and {@code RESULT k=v...} at the end.
 */
public final class Child implements AutoCloseable {
    /** Identical JVM flags for every contender. */
    public static final List<String> JVM_FLAGS = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
            "-Dlogback.configurationFile=bench-logback.xml");

    private final String name;
    private final Process process;
    private final CompletableFuture<Map<String, String>> ready = new CompletableFuture<>();
    private final CompletableFuture<Map<String, String>> result = new CompletableFuture<>();

    private final Path log;

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread.ofPlatform().daemon().name("child-out-" + name).start(this::pump);
    }

    /** Starts {@code Main child name args...}. */
    public static Child start(String name, String... args) throws IOException {
        return start(name, System.getProperty("java.class.path"), args);
    }

    /** Starts {@code Main child name args...} on another build's classpath, e.g. the base commit's. */
    public static Child start(String name, String classpath, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        String extra = System.getProperty("bench.childJvmFlags", "").replace("{name}", name);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(classpath);
        command.add(Main.class.getName());
        command.add("child");
        command.add(name);
        command.addAll(List.of(args));
        Path log = logFile(name);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        System.out.println("    [" + name + "] log: " + log);
        return new Child(name, process, log);
    }

    private static Path logFile(String name) throws IOException {
        Path dir = Path.of(System.getProperty("bench.logs", "target/bench-logs"));
        java.nio.file.Files.createDirectories(dir);
        return dir.resolve(name + "-" + java.time.LocalTime.now().toString().replace(':', '-') + ".log");
    }

    /**
     * Whether a contender is selected: all are, unless {@code -Dbench.only=name,...} (run.sh:
     * {@code BENCH_ONLY}) lists child names, e.g. {@code rabbit-asyncworker,sse-asyncworker}.
     */
    public static boolean selected(String name) {
        String only = System.getProperty("bench.only", "");
        return only.isBlank() || java.util.Arrays.asList(only.split(",")).contains(name);
    }

    /** Runs a child to its end and returns its RESULT fields. */
    public static Map<String, String> run(Duration timeout, String name, String... args) throws Exception {
        return runOn(System.getProperty("java.class.path"), timeout, name, args);
    }

    /** Runs a child on the given classpath to its end and returns its RESULT fields. */
    public static Map<String, String> runOn(String classpath, Duration timeout, String name, String... args) throws Exception {
        try (Child child = start(name, classpath, args)) {
            return child.awaitResult(timeout);
        }
    }

    public Map<String, String> awaitReady(Duration timeout) throws Exception {
        return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Map<String, String> awaitResult(Duration timeout) throws Exception {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " did not finish within " + timeout, e);
        }
    }

    /** CPU seconds (user + system) the child process used so far, from /proc; NaN where unavailable. */
    public double cpuSeconds() {
        try {
            return ThreadCpu.cpuSeconds(java.nio.file.Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Stops the child (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("READY")) {
                    ready.complete(fields(line));
                } else if (line.startsWith("RESULT")) {
                    result.complete(fields(line));
                } else {
                    System.out.println("    [" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // the child went away; fall through
        }
        String why = name + " exited (code " + exitCode() + ") without a result; last log lines:\n" + logTail();
        ready.completeExceptionally(new IllegalStateException(why));
        result.completeExceptionally(new IllegalStateException(why));
    }

    private String logTail() {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }

    /** In the child: announce a ready server. */
    public static void printReady(Map<String, ?> fields) {
        System.out.println("READY " + join(fields));
        System.out.flush();
    }

    /** In the child: the one result line. */
    public static void printResult(Map<String, ?> fields) {
        System.out.println("RESULT " + join(fields));
        System.out.flush();
    }

    private static String join(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(k).append('=').append(v).append(' '));
        return out.toString().trim();
    }
}

package io.asyncworker.bench.http;

import io.asyncworker.bench.rabbit.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} (POST /echo with a JSON body, on 127.0.0.1 only) and reads requests/s and p99. */
final class Wrk implements LoadGenerator {
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");

    private final Path script;

    Wrk() throws IOException {
        script = Files.createTempFile("echo", ".lua");
        script.toFile().deleteOnExit();
        Files.writeString(script, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = '" + HttpBench.body() + "'\n", StandardCharsets.UTF_8);
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String describe(int connections) {
        return "wrk -t1 -c" + connections + " --latency (POST " + Item.class.getSimpleName() + " JSON)";
    }

    @Override
    public Load run(int port, int connections, Duration duration) throws Exception {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "5s", "--latency", "-s", script.toString(), "http://127.0.0.1:" + port + "/echo");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        if (out.contains("Non-2xx") || out.contains("Socket errors")) {
            System.out.println(out.indent(4));
        }
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("non-2xx responses:\n" + out);
        }
        return new Load(number(RPS, out), millis(P50, out), millis(P99, out));
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read wrk latency:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}

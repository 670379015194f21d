package io.asyncworker.bench.rabbit;

import com.rabbitmq.perf.PerfTest;
import io.asyncworker.bench.Params;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RabbitMQ PerfTest (com.rabbitmq:perf-test) driven as a library, consumer only, on a pre-filled queue:
 * {@code -x 0 -y 1 -p -sb -u QUEUE -q QOS -D COUNT [-A ACK_EVERY]}. It receives and acks; it does not
 * decode bodies (it is the broker-bound ceiling the framework is compared with). Steady time starts
 * when it prints that it starts its consumer (just before basic.consume).
 */
public final class PerfTestConsumer {
    private PerfTestConsumer() {
    }

    public static Map<String, Object> run(Params params) {
        List<String> args = new ArrayList<>(List.of("--uri", Broker.URI, "-x", "0", "-y", "1", "-p", "-sb",
                "-u", params.get("queue"), "-q", params.get("qos"), "-D", params.get("count"), "-i", "5"));
        int ackEvery = params.getInt("ackEvery", 0);
        if (ackEvery > 1) {
            args.addAll(List.of("-A", String.valueOf(ackEvery)));
        }
        Drain drain = new Drain();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        // PerfTest announces "starting consumer #0, channel #0" on System.out just before basic.consume.
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                stdout.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (new String(b, off, len, StandardCharsets.UTF_8).contains("channel #0")) {
                    drain.started();
                }
                stdout.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        int[] exit = {0};
        try {
            PerfTest.main(args.toArray(String[]::new), new PerfTest.PerfTestOptions()
                    .setSystemExiter(code -> exit[0] = code).setConsoleOut(out).setConsoleErr(out));
        } finally {
            System.setOut(stdout);
        }
        Map<String, Object> result = drain.done(params.getInt("count"));
        String text = console.toString(StandardCharsets.UTF_8);
        if (exit[0] != 0) {
            throw new IllegalStateException("PerfTest exited with " + exit[0] + ":\n" + text);
        }
        text.lines().filter(l -> l.contains("rate avg")).forEach(l -> System.err.println("    [perftest] " + l.trim()));
        result.put("args", String.join(",", args).replace(Broker.URI, "URI"));
        return result;
    }
}

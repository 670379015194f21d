package io.asyncworker.bench.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fallback when {@code wrk} is not installed: closed-loop HTTP/1.1 keep-alive load, one platform
 * thread per connection writing a raw request and reading the Content-Length framed answer, until
 * the duration is over. Latencies are kept exactly (bounded per connection).
 */
final class JavaLoad implements LoadGenerator {
    private static final int MAX_SAMPLES_PER_CONNECTION = 2_000_000;

    @Override
    public String describe(int connections) {
        return "Java load generator (raw HTTP/1.1 keep-alive, " + connections + " connections)";
    }

    @Override
    public Load run(int port, int connections, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        byte[] request = request(port);
        AtomicLong errors = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[connections];
        for (int i = 0; i < connections; i++) {
            long[] latencies = new long[MAX_SAMPLES_PER_CONNECTION];
            samples.add(latencies);
            int index = i;
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    counts[index] = connection(port, request, deadline, latencies);
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join(duration.toMillis() + 30_000);
        }
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " connections failed");
        }
        return summarize(samples, counts, duration);
    }

    private static Load summarize(List<long[]> samples, int[] counts, Duration duration) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            System.arraycopy(samples.get(i), 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Load(total / (duration.toNanos() / 1e9), percentile(all, 0.50), percentile(all, 0.99));
    }

    private static int connection(int port, byte[] request, long deadline, long[] latencies) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            int n = 0;
            while (n < latencies.length) {
                long start = System.nanoTime();
                if (start >= deadline) {
                    break;
                }
                out.write(request);
                out.flush();
                readResponse(in);
                latencies[n++] = System.nanoTime() - start;
            }
            return n;
        }
    }

    private static void readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) b);
        }
        String h = head.toString().toLowerCase(Locale.ROOT);
        if (!h.startsWith("http/1.1 200")) {
            throw new IOException("unexpected response: " + h.lines().findFirst().orElse(""));
        }
        int at = h.indexOf("content-length:");
        if (at < 0) {
            throw new IOException("response without content-length");
        }
        int length = Integer.parseInt(h.substring(at + 15, h.indexOf("\r\n", at)).trim());
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
    }

    private static byte[] request(int port) {
        String body = HttpBench.body();
        return ("POST /echo HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }
}

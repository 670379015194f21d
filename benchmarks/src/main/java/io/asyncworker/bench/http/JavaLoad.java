package io.asyncworker.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fallback when {@code wrk} is not installed: like wrk, one thread and one selector drive
 * {@code connections} keep-alive HTTP/1.1 connections in a closed loop (next request when the last
 * answer is complete) until the duration is over. Latencies are kept exactly (bounded).
 */
final class JavaLoad implements LoadGenerator {
    private static final int MAX_SAMPLES = 20_000_000;

    @Override
    public String describe(int connections) {
        return "Java load generator (1 thread, NIO, keep-alive, " + connections + " connections)";
    }

    @Override
    public Load run(int port, int connections, Duration duration) throws IOException {
        byte[] request = request(port);
        long[] latencies = new long[MAX_SAMPLES];
        int count = 0;
        long deadline = System.nanoTime() + duration.toNanos();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn conn = new Conn(request);
                conn.send(ch);
                ch.register(selector, SelectionKey.OP_READ, conn);
            }
            while (System.nanoTime() < deadline && count < MAX_SAMPLES) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn conn = (Conn) key.attachment();
                    SocketChannel ch = (SocketChannel) key.channel();
                    if (conn.read(ch)) {
                        latencies[count++] = System.nanoTime() - conn.sentAt;
                        conn.send(ch);
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        return new Load(count / (duration.toNanos() / 1e9), percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    /** One connection: sends the request, collects one Content-Length framed response. */
    private static final class Conn {
        private final ByteBuffer request;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        long sentAt;

        Conn(byte[] request) {
            this.request = ByteBuffer.wrap(request);
        }

        void send(SocketChannel ch) throws IOException {
            request.rewind();
            in.clear();
            sentAt = System.nanoTime();
            while (request.hasRemaining()) {
                ch.write(request);
            }
        }

        /** True when a whole response has arrived. */
        boolean read(SocketChannel ch) throws IOException {
            if (ch.read(in) < 0) {
                throw new IOException("server closed the connection");
            }
            String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return false;
            }
            String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
            if (!head.startsWith("http/1.1 200")) {
                throw new IOException("unexpected response: " + head.lines().findFirst().orElse(""));
            }
            int at = head.indexOf("content-length:");
            if (at < 0) {
                throw new IOException("response without content-length");
            }
            int lineEnd = head.indexOf("\r\n", at);
            int length = Integer.parseInt(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
            return in.position() >= headEnd + 4 + length;
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

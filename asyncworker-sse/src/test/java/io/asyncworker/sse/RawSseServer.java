package io.asyncworker.sse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile SSE server on a raw {@link ServerSocket} on loopback: it records every request's bytes
 * exactly as they arrived and answers each connection with a script that writes whatever bytes it
 * likes, so tests can send what no well-behaved HTTP server would.
 */
final class RawSseServer implements AutoCloseable {
    /** What one connection is answered with; the connection closes when it returns. */
    @FunctionalInterface
    interface Script {
        /**
         * @param n       the connection's number, from 1
         * @param request the request's bytes
         */
        void serve(int n, Request request, Socket socket) throws Exception;
    }

    /** One request as it came over the wire: the head up to the blank line, and the body. */
    record Request(byte[] head, byte[] body) {
        /** The head as Latin-1 text, so that every byte stays one char. */
        String headText() {
            return new String(head, StandardCharsets.ISO_8859_1);
        }

        /** The first line, e.g. {@code POST /s HTTP/1.1}. */
        String requestLine() {
            return headText().substring(0, headText().indexOf("\r\n"));
        }

        /** The raw bytes of a header's value, the first one of that name (any case). */
        Optional<byte[]> header(String name) {
            for (String line : headText().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return Optional.of(line.substring(colon + 1).trim().getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            return Optional.empty();
        }
    }

    /** The head of a stream response that is read until the server closes. */
    static final byte[] STREAM_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            + "Cache-Control: no-cache\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    RawSseServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("raw-sse-accept").start(this::accept);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** How many connections were accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int n = connections.incrementAndGet();
                Thread.ofVirtual().name("raw-sse-" + n).start(() -> serve(n, socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(int n, Socket socket) {
        try (socket) {
            Request request = read(socket.getInputStream());
            requests.add(request);
            script.serve(n, request, socket);
        } catch (Exception e) {
            // the client went away or the script is done: close
        } finally {
            open.remove(socket);
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended in its head");
            }
            head.write(b);
        }
        Request headOnly = new Request(head.toByteArray(), new byte[0]);
        int length = headOnly.header("Content-Length")
                .map(v -> Integer.parseInt(new String(v, StandardCharsets.US_ASCII).trim())).orElse(0);
        return new Request(headOnly.head(), in.readNBytes(length));
    }

    /** Writes text as UTF-8 and flushes. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Keeps a connection open until the client closes it. */
    static void holdOpen(Socket socket) throws IOException {
        while (socket.getInputStream().read() >= 0) {
            // discard
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}

package io.asyncworker.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hostile HTTP client: writes raw bytes on a socket and reads the raw answer, so that requests no
 * well-behaved client would send (conflicting framing, bad escapes, trickled heads) reach the server
 * as they are. Not thread-safe.
 */
final class RawClient implements AutoCloseable {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

    private final Socket socket;
    private final InputStream in;
    private boolean closedByServer;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawClient connect(TestServer server) throws IOException {
        HttpAddress address = HttpAddress.of(server.app).orElseThrow();
        return new RawClient(new Socket(address.host(), address.port()));
    }

    /** Sends text as ISO-8859-1 bytes; false when the server had already closed the connection. */
    boolean send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            closedByServer = true;
            return false;
        }
    }

    /** Everything the server sends until it closes the connection; fails if it is still open after {@code wait}. */
    String readUntilClosed(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + wait + "; it sent: " + out, e);
        } catch (IOException reset) {
            // a reset after the answer also closes the connection
        }
        closedByServer = true;
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** One whole response (head and Content-Length body) on a connection that stays open. */
    String readResponse(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!complete(out.toString(StandardCharsets.ISO_8859_1))) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the server closed the connection mid-response: " + out);
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        Matcher length = CONTENT_LENGTH.matcher(text.substring(0, headEnd + 2));
        return text.length() - headEnd - 4 >= (length.find() ? Integer.parseInt(length.group(1)) : 0);
    }

    /** Whether the server has closed the connection; waits at most 50 ms for it to say so. */
    boolean isClosedByServer() {
        if (closedByServer) {
            return true;
        }
        try {
            socket.setSoTimeout(50);
            closedByServer = in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            closedByServer = true;
        }
        return closedByServer;
    }

    /** How many responses a raw answer holds. */
    static long responses(String answer) {
        return STATUS_LINE.matcher(answer).results().count();
    }

    /** The status of the first response in a raw answer. */
    static int status(String answer) {
        Matcher m = STATUS_LINE.matcher(answer);
        if (!m.find()) {
            throw new AssertionError("no HTTP response in: " + answer);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The body of the last response in a raw answer. */
    static String body(String answer) {
        return answer.substring(answer.lastIndexOf("\r\n\r\n") + 4);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

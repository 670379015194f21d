package io.asyncworker.bomit;

import io.asyncworker.http.HttpSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.http.HttpAddress;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code Upgrade: h2c} request to the built-in server (what curl --http2 and the JDK client send on
 * http:// URLs). RFC 7540 §3.2 lets the server switch (101, then HTTP/2 frames) and RFC 9113 §3.1,
 * which deprecates the upgrade, lets it answer in HTTP/1.1; both are right. HTTP/2 frames without a
 * 101 first (what a worker with two Netty versions sent) are not: curl reads them as HTTP/0.9.
 */
class H2cUpgradeIT {

    private static final String BODY = "{\"hello\":\"world\",\"ticks\":0}";
    private static final int DATA = 0x0, HEADERS = 0x1, SETTINGS = 0x4;
    private static final int END_STREAM = 0x1, PADDED = 0x8;
    /** What a client sends after the 101 (RFC 9113 §3.4): the magic string and an empty SETTINGS frame. */
    private static final byte[] CLIENT_PREFACE = HexFormat.of().parseHex(
            "505249202a20485454502f322e300d0a0d0a534d0d0a0d0a" + "000000040000000000");

    private static App app;
    private static URI base;

    @BeforeAll
    static void start() {
        app = GreetingWorker.app(Settings.from(Map.of(HttpSettings.HOST.name(), "127.0.0.1", HttpSettings.PORT.name(), "0",
                Settings.SHUTDOWN_TIMEOUT.name(), "5")));
        app.start();
        base = HttpAddress.of(app).orElseThrow().uri();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aRawUpgradeRequestGetsA101AndHttp2OrAPlainHttp11Answer() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /greeting HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n"
                    + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String head = readHead(in);

            assertThat(head).as("the first bytes answer an HTTP/1.1 request").startsWith("HTTP/1.1 ");
            if (head.startsWith("HTTP/1.1 101")) {
                assertThat(head.toLowerCase(Locale.ROOT)).contains("\r\nupgrade: h2c\r\n");
                socket.getOutputStream().write(CLIENT_PREFACE);
                assertHttp2Answer(in);
            } else {
                assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("upgrade: h2c");
            }
        }
    }

    @Test
    void theJdkClientPreferringHttp2GetsTheAnswer() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/greeting")).timeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .get(20, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BODY);
    }

    /** The server preface (a SETTINGS frame on stream 0) first, then the answer on stream 1. */
    private static void assertHttp2Answer(DataInputStream in) throws IOException {
        Frame first = Frame.read(in);
        assertThat(first.type).as("first frame after the 101").isEqualTo(SETTINGS);
        assertThat(first.stream).isZero();
        assertThat(first.payload.length % 6).as("SETTINGS payload length").isZero();
        boolean headers = false;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Frame f = Frame.read(in); ; f = Frame.read(in)) {
            headers |= f.type == HEADERS && f.stream == 1;
            if (f.type == DATA && f.stream == 1) {
                body.write(f.data());
                if ((f.flags & END_STREAM) != 0) {
                    break;
                }
            }
        }
        assertThat(headers).as("a HEADERS frame on stream 1").isTrue();
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(BODY);
    }

    /** The status line and headers, up to and including the blank line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0 || head.size() > 8192) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** One HTTP/2 frame (RFC 9113 §4.1). */
    private record Frame(int type, int flags, int stream, byte[] payload) {

        static Frame read(DataInputStream in) throws IOException {
            int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fff_ffff;
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame(type, flags, stream, payload);
        }

        byte[] data() {
            if ((flags & PADDED) == 0) {
                return payload;
            }
            int pad = payload[0] & 0xff;
            return java.util.Arrays.copyOfRange(payload, 1, payload.length - pad);
        }
    }
}

package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests no well-behaved client sends, written byte for byte on raw sockets: request smuggling
 * through conflicting framing (RFC 9112 §6.3), bad percent-escapes, over-long lines and headers,
 * and JSON bodies of the wrong shape. Each is answered once, as JSON in the client's terms, counted,
 * and never logged above DEBUG; framing errors also close the connection.
 */
class HostileRequestsIT {
    /** What an error body must never show: a nested class name, a Jackson token or parser, a stack frame. */
    static final String INTERNALS = "[A-Za-z]+\\.[A-Za-z]+\\$|Json(Token|Parser)|\\.java:|StreamReadConstraints|Exception";
    private static final Duration WAIT = Duration.ofSeconds(5);

    record Item(String name, int qty, double price) {
    }

    private static final AtomicInteger ECHOED = new AtomicInteger();
    private static TestServer server;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(
                HttpRoute.post("/items", req -> Response.json(req.body(Item.class))),
                HttpRoute.post("/echo", req -> {
                    ECHOED.incrementAndGet();
                    return Response.text("echo " + req.bodyAsString());
                }),
                HttpRoute.get("/items/{id}", req -> Response.text("item " + req.pathParam("id"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureWarnings() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void nothingWasLoggedAsAProblem() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
    }

    @Test
    void contentLengthWithChunkedIsOne400AndClosesSoTheSmuggledRequestIsNeverServed() throws Exception {
        String smuggled = "GET /items/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + (5 + smuggled.length())
                + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled);
        assertSingleJson400(answer, "both Content-Length and Transfer-Encoding are set");
    }

    @Test
    void gzipTransferEncodingIsOne400AndClosesInsteadOfReadingTheBodyAsARequest() throws Exception {
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
                + "GET /items/smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertSingleJson400(answer, "unsupported Transfer-Encoding 'gzip': only 'chunked' is accepted");
    }

    @Test
    void chunkedThenIdentityTransferEncodingIsOne400AndCloses() throws Exception {
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n"
                + "GET /items/smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertSingleJson400(answer, "unsupported Transfer-Encoding 'chunked, identity'");
    }

    @Test
    void twoTransferEncodingHeadersAreOne400AndClose() throws Exception {
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /items/smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertSingleJson400(answer, "unsupported Transfer-Encoding 'chunked, chunked'");
    }

    @Test
    void twoDifferentContentLengthsAreOne400AndClose() throws Exception {
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 44\r\n\r\n"
                + "abcGET /items/smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertSingleJson400(answer, "invalid or conflicting Content-Length");
    }

    @Test
    void aContentLengthThatIsNotANumberIsOne400AndCloses() throws Exception {
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc");
        assertSingleJson400(answer, "invalid or conflicting Content-Length");
    }

    @Test
    void transferEncodingInAnHttp10RequestIsOne400AndCloses() throws Exception {
        String answer = exchange("POST /echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertSingleJson400(answer, "Transfer-Encoding is not allowed in an HTTP/1.0 request");
    }

    private static void assertSingleJson400(String answer, String error) {
        assertThat(RawClient.responses(answer)).as(answer).isEqualTo(1);
        assertThat(RawClient.status(answer)).isEqualTo(400);
        assertThat(answer).containsIgnoringCase("Connection: close").contains("Content-Type: application/json")
                .contains("{\"error\":\"" + error).doesNotContain("smuggled").doesNotContainPattern(INTERNALS);
        assertThat(ECHOED).as("the framed request never reaches its handler").hasValue(0);
    }

    @Test
    void invalidPercentEscapeInThePathIsAJson400CountedAndNotAnErrorLog() throws Exception {
        String answer = exchange("GET /items/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(RawClient.status(answer)).isEqualTo(400);
        assertThat(answer).contains("Content-Type: application/json")
                .contains("{\"error\":\"malformed path: '%zz' at position 7 is not a valid percent-escape");
        awaitCount("GET", 400, 1);
    }

    @Test
    void aRequestWithoutHostOrWithARelativeTargetIsAnsweredAsJson() throws Exception {
        String noHost = exchange("GET /items/1 HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertThat(RawClient.status(noHost)).isEqualTo(400);
        assertThat(RawClient.body(noHost)).isEqualTo("{\"error\":\"For HTTP/1.x requests, the 'Host' header is required\"}");
        String relative = exchange("GET items HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawClient.status(relative)).isEqualTo(404);
        assertThat(RawClient.body(relative)).isEqualTo("{\"error\":\"not found\"}");
    }

    @Test
    void overlongRequestLineIsAJson414NamingTheLimitAndCounted() throws Exception {
        assertLimitAnswer("GET /items/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
                "{\"error\":\"request line too long\",\"limit\":4096}");
    }

    @Test
    void overlongHeadersAreAJson431NamingTheLimitAndCounted() throws Exception {
        assertLimitAnswer("GET /items/1 HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n", 431,
                "{\"error\":\"request headers too large\",\"limit\":8192}");
    }

    private static void assertLimitAnswer(String request, int status, String body) throws Exception {
        String answer = exchange(request);
        assertThat(RawClient.status(answer)).isEqualTo(status);
        assertThat(RawClient.body(answer)).isEqualTo(body);
        awaitCount("GET", status, 1);
    }

    @Test
    void jsonNullBodyIsA400NamingTheBodyNotA500() throws Exception {
        String answer = post("/items", "null");
        assertThat(RawClient.status(answer)).isEqualTo(400);
        assertThat(RawClient.body(answer)).isEqualTo("{\"error\":\"body: expected an object, got null\"}");
    }

    @Test
    void wrongShapeBodiesAreAnsweredInTheClientsTermsWithoutJavaOrJacksonInternals() throws Exception {
        Map<String, String> expected = Map.of(
                "[]", "body: expected an object, got an array (line 1, column 1)",
                "{\"price\":\"ab\"}", "body: field \\\"price\\\": expected a number, got \\\"ab\\\" (line 1, column 10)",
                "{\"qty\":[1]}", "body: field \\\"qty\\\": expected a whole number, got an array (line 1, column 8)",
                "{\"price\":" + "9".repeat(1500) + "}", "body: a number is too long (more than 1000 digits)",
                "{\"name\": oops}", "body: not valid JSON (line 1, column 15)");
        for (var e : expected.entrySet()) {
            String answer = post("/items", e.getKey());
            assertThat(RawClient.status(answer)).as(e.getKey()).isEqualTo(400);
            assertThat(RawClient.body(answer)).as(e.getKey()).isEqualTo("{\"error\":\"" + e.getValue() + "\"}")
                    .doesNotContainPattern(INTERNALS);
        }
    }

    @Test
    void pipelinedRequestsWithSoundFramingAreAllAnswered() throws Exception {
        try (RawClient client = RawClient.connect(server)) {
            String json = "{\"name\":\"hi\"}";
            client.send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\nPOST /items HTTP/1.1\r\nHost: x\r\nContent-Length: "
                    + json.length() + "\r\n\r\n" + json + "GET /items/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String answer = client.readUntilClosed(WAIT);
            assertThat(RawClient.responses(answer)).as(answer).isEqualTo(3);
            assertThat(answer).contains("item 1").contains("{\"name\":\"hi\",\"qty\":0,\"price\":0.0}").contains("item 3");
        }
    }

    private static String post(String path, String json) throws Exception {
        return exchange("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length() + "\r\nConnection: close\r\n\r\n" + json);
    }

    /** Sends raw bytes and reads until the server closes: every answer must end the connection. */
    private static String exchange(String request) throws Exception {
        try (RawClient client = RawClient.connect(server)) {
            client.send(request);
            return client.readUntilClosed(WAIT);
        }
    }

    private static void awaitCount(String method, int status, long count) {
        await().atMost(WAIT).untilAsserted(() -> {
            var timer = server.app.meters().find("asyncworker.http.server.requests")
                    .tags("method", method, "route", "INVALID", "status", Integer.toString(status)).timer();
            assertThat(timer).isNotNull();
            assertThat(timer.count()).isEqualTo(count);
        });
    }
}

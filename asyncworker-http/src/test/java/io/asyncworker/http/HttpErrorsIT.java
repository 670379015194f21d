package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every error status is JSON, names what was wrong and never carries a stack trace. */
class HttpErrorsIT {
    record Item(String name, int qty) {
    }

    enum Color { RED, GREEN }

    private static TestServer server;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void start() {
        Logger dispatcher = (Logger) LoggerFactory.getLogger("io.asyncworker.http.internal.Dispatcher");
        LOGS.start();
        dispatcher.addAppender(LOGS);
        server = TestServer.start(
                HttpRoute.get("/items/{id}", req -> Response.text("item " + req.pathParam("id", long.class))),
                HttpRoute.put("/items/{id}", req -> Response.ok()),
                HttpRoute.get("/color", req -> Response.text(req.queryParam("c", Color.class).orElseThrow().name())),
                HttpRoute.post("/items", req -> Response.json(req.body(Item.class))),
                HttpRoute.get("/count", req -> Response.text("count " + req.header("X-Count", int.class).orElse(0))),
                HttpRoute.post("/small", req -> Response.text("took " + req.bodyBytes().length)).withBodyLimit(16),
                HttpRoute.post("/big", req -> Response.text("took " + req.bodyBytes().length)),
                HttpRoute.get("/boom", req -> {
                    throw new IllegalStateException("secret detail");
                }),
                HttpRoute.get("/null", req -> null),
                HttpRoute.get("/teapot", req -> {
                    throw HttpException.of(418, "short and stout").with("hint", "tip me over");
                }),
                HttpRoute.async(HttpMethod.GET, "/async", req -> CompletableFuture.supplyAsync(() -> Response.text("later"),
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))),
                HttpRoute.async(HttpMethod.GET, "/async-fail",
                        req -> CompletableFuture.failedFuture(new IllegalArgumentException("async secret"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertJsonError(HttpResponse<String> r, int status, String error) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).startsWith("{\"error\":\"" + error).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void answers400NamingABadPathParameter() throws Exception {
        HttpResponse<String> r = server.get("/items/abc");
        assertJsonError(r, 400, "bad path parameter 'id': 'abc' is not a long");
        assertThat(r.body()).contains("\"parameter\":\"id\"");
    }

    @Test
    void answers400NamingABadQueryParameter() throws Exception {
        HttpResponse<String> r = server.get("/color?c=purple");
        assertJsonError(r, 400, "bad query parameter 'c': 'purple' is not one of RED, GREEN");
        assertThat(r.body()).contains("\"parameter\":\"c\"");
        assertThat(server.get("/color?c=green").body()).isEqualTo("GREEN");
    }

    @Test
    void answers400ToAMalformedQueryString() throws Exception {
        HttpAddress address = HttpAddress.of(server.app).orElseThrow();
        try (Socket socket = new Socket(address.host(), address.port())) {
            socket.getOutputStream().write("GET /color?c=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("{\"error\":\"malformed query string: '%zz' at position 2 "
                    + "is not a valid percent-escape (% and two hex digits)\"}");
        }
    }

    @Test
    void answers400ToMalformedOrEmptyJson() throws Exception {
        assertJsonError(server.send("POST", "/items", "{\"name\": oops"), 400, "body: not valid JSON (line 1, column 14)");
        assertJsonError(server.send("POST", "/items", "{\"qty\": \"many\"}"), 400,
                "body: field \\\"qty\\\": expected a whole number, got \\\"many\\\" (line 1, column 9)");
        assertJsonError(server.send("POST", "/items", ""), 400, "body: empty; expected JSON");
    }

    @Test
    void answers400NamingABadTypedHeader() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/count")).header("X-Count", "many").GET().build();
        HttpResponse<String> r = TestServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertJsonError(r, 400, "bad header 'X-Count': 'many' is not an int");
        assertThat(r.body()).contains("\"header\":\"X-Count\"");
        HttpRequest good = HttpRequest.newBuilder(server.uri("/count")).header("X-Count", "3").GET().build();
        assertThat(TestServer.CLIENT.send(good, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("count 3");
        assertThat(server.get("/count").body()).isEqualTo("count 0");
    }

    @Test
    void answers413OverTheRouteBodyLimit() throws Exception {
        assertThat(server.send("POST", "/small", "0123456789abcdef").body()).isEqualTo("took 16");
        HttpResponse<String> r = server.send("POST", "/small", "0123456789abcdefX");
        assertJsonError(r, 413, "request body too large");
        assertThat(r.body()).contains("\"limit\":16");
    }

    @Test
    void readsAndLimitsChunkedBodiesWithoutContentLength() throws Exception {
        assertThat(server.send("POST", "/small", chunked("0123456789")).body()).isEqualTo("took 10");
        assertJsonError(server.send("POST", "/small", chunked("0123456789abcdefX")), 413, "request body too large");
    }

    @Test
    void answers100ContinueThenReadsTheBody() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/small")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("0123456789")).build();
        assertThat(TestServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("took 10");
    }

    @Test
    void answers413WithoutReadingTheBodyWhenContentLengthIsOverTheLimitAndExpectsContinue() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/small")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("0123456789abcdefX")).build();
        assertJsonError(TestServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()), 413, "request body too large");
    }

    @Test
    void readsAChunkedBodyArrivingInManyChunks() throws Exception {
        byte[] body = new byte[200_000];
        HttpRequest.BodyPublisher manyChunks = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body));
        assertThat(server.send("POST", "/big", manyChunks).body()).isEqualTo("took 200000");
    }

    private static java.net.http.HttpRequest.BodyPublisher chunked(String body) {
        // an input stream of unknown length makes the client send Transfer-Encoding: chunked
        return java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void answers413OverTheDefaultLimitOfOneMebibyte() throws Exception {
        byte[] atLimit = new byte[1024 * 1024];
        assertThat(server.send("POST", "/big", HttpRequest.BodyPublishers.ofByteArray(atLimit)).body())
                .isEqualTo("took 1048576");
        byte[] over = new byte[1024 * 1024 + 1];
        HttpResponse<String> r = server.send("POST", "/big", HttpRequest.BodyPublishers.ofByteArray(over));
        assertJsonError(r, 413, "request body too large");
        assertThat(r.body()).contains("\"limit\":1048576");
    }

    @Test
    void answers404ToAnUnknownPath() throws Exception {
        HttpResponse<String> r = server.get("/nowhere?x=1");
        assertJsonError(r, 404, "not found");
        assertThat(r.body()).contains("\"path\":\"/nowhere\"");
    }

    @Test
    void answers405WithAllowToAWrongMethod() throws Exception {
        HttpResponse<String> r = server.send("DELETE", "/items/3");
        assertJsonError(r, 405, "method DELETE not allowed");
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT");
        assertThat(r.body()).contains("\"allowed\":[\"GET\",\"HEAD\",\"PUT\"]");
    }

    @Test
    void answersHeadOnAGetOnlyPathWithTheGetHandlersHeadersAndNoBody() throws Exception {
        HttpResponse<String> get = server.get("/items/3");
        HttpResponse<String> head = server.send("HEAD", "/items/3");
        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Length")).isEqualTo(get.headers().firstValue("Content-Length"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void listsHeadAmongTheAllowedMethodsOfAGetPath() throws Exception {
        HttpResponse<String> r = server.send("POST", "/items/3", "{}");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT");
    }

    @Test
    void answers500WithoutDetailsAndLogsTheRoute() throws Exception {
        HttpResponse<String> r = server.get("/boom");
        assertJsonError(r, 500, "internal server error");
        assertThat(r.body()).doesNotContain("secret").contains("\"route\":\"GET /boom\"");
        assertThat(LOGS.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("GET /boom");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("secret detail");
        });
    }

    @Test
    void answers500WhenAHandlerReturnsNull() throws Exception {
        assertJsonError(server.get("/null"), 500, "internal server error");
    }

    @Test
    void answersAnHttpExceptionWithItsStatusAndFields() throws Exception {
        HttpResponse<String> r = server.get("/teapot");
        assertJsonError(r, 418, "short and stout");
        assertThat(r.body()).isEqualTo("{\"error\":\"short and stout\",\"hint\":\"tip me over\"}");
    }

    @Test
    void completesAsyncHandlersAndAnswers500WhenTheyFail() throws Exception {
        assertThat(server.get("/async").body()).isEqualTo("later");
        HttpResponse<String> r = server.get("/async-fail");
        assertJsonError(r, 500, "internal server error");
        assertThat(r.body()).doesNotContain("async secret");
    }
}

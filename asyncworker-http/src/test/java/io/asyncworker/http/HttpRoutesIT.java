package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every method and the request/response API against a real server on loopback. */
class HttpRoutesIT {
    record Item(String name, int qty) {
    }

    enum Color { RED, GREEN, BLUE }

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                HttpRoute.get("/items/{id}", req -> Response.json(Map.of("id", req.pathParam("id", long.class),
                        "virtual", Thread.currentThread().isVirtual()))),
                HttpRoute.get("/items/new", req -> Response.text("new-form")),
                HttpRoute.post("/items", req -> {
                    Item item = req.body(Item.class);
                    return Response.json(item).withStatus(201).header("Location", "/items/" + item.name());
                }),
                HttpRoute.put("/items/{id}", req -> Response.json(
                        Map.of("id", req.pathParam("id"), "name", req.body(Item.class).name()))),
                HttpRoute.patch("/items/{id}", req -> Response.text("patched " + req.pathParam("id", int.class))),
                HttpRoute.delete("/items/{id}", req -> Response.noContent()),
                HttpRoute.head("/items/{id}", req -> Response.text("not sent").header("X-Item", req.pathParam("id"))),
                HttpRoute.get("/convert/{i}/{l}/{u}/{b}/{c}", HttpRoutesIT::convert),
                HttpRoute.get("/query", HttpRoutesIT::query),
                HttpRoute.get("/headers", req -> Response.json(Map.of("one", req.header("x-test").orElse("-"),
                        "all", req.headers("X-Multi")))),
                HttpRoute.post("/echo", req -> Response.bytes(req.bodyBytes(), "application/octet-stream")),
                HttpRoute.post("/text", req -> Response.text(req.bodyAsString().toUpperCase())),
                HttpRoute.get(List.of("/a", "/b/{x}"), req -> Response.text(req.routePath() + " " + req.path())),
                HttpRoute.get("/method", req -> Response.text("seen " + req.method()).header("X-Method", req.method().name())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response convert(Request req) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("i", req.pathParam("i", int.class) + 1);
        out.put("l", req.pathParam("l", Long.class) + 1);
        out.put("u", req.pathParam("u", UUID.class).toString());
        out.put("b", !req.pathParam("b", boolean.class));
        out.put("c", req.pathParam("c", Color.class).ordinal());
        return Response.json(out);
    }

    private static Response query(Request req) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("q", req.queryParam("q").orElse("none"));
        out.put("n", req.queryParam("n", int.class).map(n -> n * 2).orElse(-1));
        out.put("flag", req.queryParam("flag", Boolean.class).orElse(false));
        out.put("color", req.queryParam("color", Color.class).map(Enum::name).orElse("none"));
        out.put("tags", req.queryParams("tag"));
        return Response.json(out);
    }

    @Test
    void servesGetOnAVirtualThreadWithATypedPathParameter() throws Exception {
        HttpResponse<String> r = server.get("/items/42");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).contains("\"id\":42").contains("\"virtual\":true");
    }

    @Test
    void prefersLiteralSegmentsOverParameters() throws Exception {
        assertThat(server.get("/items/new").body()).isEqualTo("new-form");
    }

    @Test
    void decodesJsonBodiesAndSetsStatusAndHeaders() throws Exception {
        HttpResponse<String> r = server.send("POST", "/items", "{\"name\":\"pen\",\"qty\":3,\"extra\":true}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/items/pen");
        assertThat(r.body()).isEqualTo("{\"name\":\"pen\",\"qty\":3}");
    }

    @Test
    void servesPutPatchDeleteAndHead() throws Exception {
        assertThat(server.send("PUT", "/items/7", "{\"name\":\"cup\"}").body()).contains("\"id\":\"7\"", "\"name\":\"cup\"");
        HttpResponse<String> patch = server.send("PATCH", "/items/8", "");
        assertThat(patch.statusCode()).isEqualTo(200);
        assertThat(patch.body()).isEqualTo("patched 8");
        assertThat(patch.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        HttpResponse<String> delete = server.send("DELETE", "/items/9");
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
        HttpResponse<String> head = server.send("HEAD", "/items/10");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Item")).hasValue("10");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void servesHeadWithTheGetRouteWhenThePathHasNoHeadRoute() throws Exception {
        HttpResponse<String> head = server.send("HEAD", "/method");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Method")).hasValue("HEAD");
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString("seen HEAD".length()));
        assertThat(head.body()).isEmpty();
        assertThat(server.get("/method").body()).isEqualTo("seen GET");
    }

    @Test
    void sendsNoBodyOnTheWireForHead() throws Exception {
        HttpAddress address = HttpAddress.of(server.app).orElseThrow();
        try (Socket socket = new Socket(address.host(), address.port())) {
            socket.getOutputStream().write("HEAD /items/5 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("x-item: 5").endsWith("\r\n\r\n")
                    .doesNotContain("not sent");
        }
    }

    @Test
    void convertsPathParametersOfEverySupportedType() throws Exception {
        UUID u = UUID.randomUUID();
        HttpResponse<String> r = server.get("/convert/41/9000000000/" + u + "/true/green");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"i\":42,\"l\":9000000001,\"u\":\"" + u + "\",\"b\":false,\"c\":1}");
    }

    @Test
    void convertsQueryParametersAndReportsAbsentOnesAsEmpty() throws Exception {
        assertThat(server.get("/query?q=hello%20world&n=21&flag=TRUE&color=Blue&tag=a&tag=b").body())
                .isEqualTo("{\"q\":\"hello world\",\"n\":42,\"flag\":true,\"color\":\"BLUE\",\"tags\":[\"a\",\"b\"]}");
        assertThat(server.get("/query").body())
                .isEqualTo("{\"q\":\"none\",\"n\":-1,\"flag\":false,\"color\":\"none\",\"tags\":[]}");
    }

    @Test
    void readsHeadersIgnoringCase() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/headers"))
                .header("X-Test", "one").header("x-multi", "1").header("X-Multi", "2").build();
        String body = TestServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("\"one\":\"one\"").contains("\"all\":[\"1\",\"2\"]");
    }

    @Test
    void passesBodiesThroughAsBytesAndText() throws Exception {
        HttpResponse<String> echo = server.send("POST", "/echo", "raw \u00e9 bytes");
        assertThat(echo.body()).isEqualTo("raw \u00e9 bytes");
        assertThat(echo.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(server.send("POST", "/text", "shout").body()).isEqualTo("SHOUT");
    }

    @Test
    void servesOneHandlerOnSeveralPaths() throws Exception {
        assertThat(server.get("/a").body()).isEqualTo("/a /a");
        assertThat(server.get("/b/x1").body()).isEqualTo("/b/{x} /b/x1");
    }

    @Test
    void ignoresATrailingSlash() throws Exception {
        assertThat(server.get("/a/").statusCode()).isEqualTo(200);
    }
}

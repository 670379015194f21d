package io.asyncworker.bench.http;

import io.asyncworker.http.HttpSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.bench.Child;
import io.asyncworker.bench.Params;
import io.asyncworker.bench.Probe;
import io.asyncworker.bench.rabbit.Item;
import io.asyncworker.http.HttpAddress;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The two JSON echo servers, each run in its own JVM: POST /echo decodes the body into {@link Item}
 * with Jackson and answers it encoded again. They print READY port=N and serve until stopped (or
 * until {@code maxSeconds}).
 */
public final class EchoServers {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EchoServers() {
    }

    /** Bare Vert.x 5 HttpServer, handler on the event loop (the usual bare Vert.x way). */
    public static Map<String, Object> vertx(Params params) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(req -> req.body().onSuccess(body -> {
                    try {
                        Item item = MAPPER.readValue(body.getBytes(), Item.class);
                        req.response().putHeader("content-type", "application/json")
                                .end(Buffer.buffer(MAPPER.writeValueAsBytes(item)));
                    } catch (Exception e) {
                        req.response().setStatusCode(400).end();
                    }
                }));
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Child.printReady(Map.of("port", server.actualPort()));
        Probe.sleep(params.getInt("maxSeconds", 600) * 1000L);
        vertx.close();
        return Map.of("stopped", "timeout");
    }

    /** asyncworker-http: one HttpRoute.post("/echo") returning Response.json(item); handler on a virtual thread. */
    public static Map<String, Object> asyncworker(Params params) throws Exception {
        App app = App.create(Settings.from(Map.of(HttpSettings.PORT.name(), "0", HttpSettings.HOST.name(), "127.0.0.1")));
        app.route(HttpRoute.post("/echo", req -> Response.json(req.body(Item.class))));
        app.start();
        Child.printReady(Map.of("port", HttpAddress.of(app).orElseThrow().port()));
        Probe.sleep(params.getInt("maxSeconds", 600) * 1000L);
        app.close();
        return Map.of("stopped", "timeout");
    }
}

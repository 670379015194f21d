package io.asyncworker.http;

import io.asyncworker.App;
import io.asyncworker.Route;
import io.asyncworker.Settings;
import io.asyncworker.spi.BackendFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** An app with an HTTP server on a random loopback port, and a real HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final App app;

    private TestServer(App app) {
        this.app = app;
    }

    static Settings settings(Map<String, String> extra) {
        Settings s = Settings.from(Map.of(HttpSettings.HOST.name(), "127.0.0.1", HttpSettings.PORT.name(), "0",
                Settings.SHUTDOWN_TIMEOUT.name(), "5"));
        for (var e : extra.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    static TestServer start(Route... routes) {
        return start(Map.of(), app -> { }, routes);
    }

    static TestServer start(Map<String, String> settings, Consumer<App> setup, Route... routes) {
        return start(settings, List.of(), setup, routes);
    }

    static TestServer start(Map<String, String> settings, List<BackendFactory> backends, Consumer<App> setup,
                            Route... routes) {
        App.Builder builder = App.builder().settings(settings(settings));
        backends.forEach(builder::backend);
        return start(builder, setup, routes);
    }

    /** An app from a builder the test configured (its timer, say); settings default to {@link #settings}. */
    static TestServer start(App.Builder builder, Consumer<App> setup, Route... routes) {
        App app = builder.build();
        for (Route r : routes) {
            app.route(r);
        }
        setup.accept(app);
        app.start();
        return new TestServer(app);
    }

    URI uri(String pathAndQuery) {
        return URI.create(HttpAddress.of(app).orElseThrow().uri() + pathAndQuery);
    }

    HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        return send(method, pathAndQuery, HttpRequest.BodyPublishers.noBody());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return send(method, pathAndQuery, HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(String method, String pathAndQuery, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, body)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery);
    }

    @Override
    public void close() {
        app.close();
    }
}

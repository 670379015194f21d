package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.http.HttpAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GETs from an example's HTTP server. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static HttpResponse<String> get(App app, String path) throws Exception {
        URI base = HttpAddress.of(app).orElseThrow().uri();
        return get(base.resolve(path));
    }

    static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

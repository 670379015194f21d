package io.asyncworker.http;

import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.spi.Checks;
import java.net.URI;
import java.util.Objects;

/**
 * Where an app's HTTP server listens: the bound host and port, e.g. to find the random port
 * picked for {@code ASYNCWORKER_HTTP_PORT=0} in a test.
 *
 * <pre>{@code
 * app.start();
 * URI base = HttpAddress.of(app).orElseThrow().uri();   // http://127.0.0.1:41234
 * }</pre>
 *
 * @param host the host the server is bound to, from {@code ASYNCWORKER_HTTP_HOST}
 * @param port the bound port, never 0
 */
public record HttpAddress(String host, int port) {
    /** Where the running server publishes its address; read it with {@link #of(App)}. */
    public static final Key<HttpAddress> KEY = Key.of("asyncworker.http.address", HttpAddress.class);

    /** Validates the components. */
    public HttpAddress {
        Objects.requireNonNull(host, "host");
        Checks.between("port", port, 1, 65535);
    }

    /**
     * {@return the address of an app's HTTP server: present from the moment the server listens during
     * {@code app.start()} until it stops accepting during {@code app.stop()}; empty when the app
     * needs no server} Thread-safe.
     *
     * @param app the app, started or starting
     */
    public static java.util.Optional<HttpAddress> of(App app) {
        return Objects.requireNonNull(app, "app").find(KEY);
    }

    /** {@return the base URI, e.g. {@code http://127.0.0.1:8080}; IPv6 hosts are bracketed} */
    public URI uri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }
}

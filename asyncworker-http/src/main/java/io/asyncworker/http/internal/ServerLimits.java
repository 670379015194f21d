package io.asyncworker.http.internal;

import io.asyncworker.Settings;
import io.asyncworker.http.HttpSettings;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;

/**
 * The server's limits on slow and hostile clients, read from the settings. Immutable.
 *
 * @param header         a request head must be complete within this of its first byte (or of connecting)
 * @param request        a whole request must arrive within this of its first byte
 * @param idle           a connection with no request in progress is closed after this
 * @param maxConnections connections beyond this many are closed as soon as they are accepted
 * @param maxRequestLine the longest request line in bytes ({@code 414} beyond)
 * @param maxHeaderSize  the most bytes all header lines may take ({@code 431} beyond)
 */
record ServerLimits(Duration header, Duration request, Duration idle, int maxConnections, int maxRequestLine,
                    int maxHeaderSize) {

    static ServerLimits of(Settings settings) {
        return new ServerLimits(settings.get(HttpSettings.HEADER_TIMEOUT), settings.get(HttpSettings.REQUEST_TIMEOUT),
                settings.get(HttpSettings.IDLE_TIMEOUT), settings.get(HttpSettings.MAX_CONNECTIONS),
                settings.get(HttpSettings.MAX_REQUEST_LINE), settings.get(HttpSettings.MAX_HEADER_SIZE));
    }

    /**
     * Server options with these limits. HTTP/2 over clear text is off: the server speaks HTTP/1.1
     * only, so every connection gets the guarded decoder and the read deadlines from its first byte.
     * Timeouts are enforced by {@link ReadTimeouts}, not by Vert.x's idle timeout, which would also
     * cut a connection whose handler is still running.
     */
    HttpServerOptions options(String host, int port) {
        return new HttpServerOptions().setHost(host).setPort(port)
                .setHttp2ClearTextEnabled(false)
                .setMaxInitialLineLength(maxRequestLine)
                .setMaxHeaderSize(maxHeaderSize);
    }
}

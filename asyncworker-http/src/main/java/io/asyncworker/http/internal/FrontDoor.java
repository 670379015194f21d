package io.asyncworker.http.internal;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every decoded request passes before the router: a path with a bad percent-escape
 * ({@code /items/%zz}), which the router would fail on with an ERROR stack trace and a
 * {@code text/plain} answer, is answered a JSON {@code 400} here, timed under route
 * {@value HttpMetrics#INVALID} and logged at DEBUG. Runs on the event loop.
 */
final class FrontDoor implements Handler<HttpServerRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);

    private final Router router;
    private final HttpMetrics metrics;

    FrontDoor(Router router, HttpMetrics metrics) {
        this.router = router;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String path = request.path();
        Optional<String> problem = path == null ? Optional.empty() : PercentEscapes.problem(path);
        if (problem.isEmpty()) {
            router.handle(request);
            return;
        }
        long started = System.nanoTime();
        String method = request.method().name();
        LOG.debug("HTTP {} from {} rejected with 400: malformed path: {}", method, request.remoteAddress(), problem.get());
        // The body, if any, is not read: the connection closes after the answer.
        InvalidRequests.reject(request, Reply.error(400, "malformed path: " + problem.get()),
                () -> metrics.recordInvalid(method, 400, started));
    }
}

package io.asyncworker.http.internal;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import java.util.List;

/**
 * The HTTP backend's entry in {@code META-INF/services}: needed when there is an HTTP route or
 * the metrics route is enabled ({@code ASYNCWORKER_METRICS_ENABLED}); the health route is served
 * whenever the server runs. Stateless; called on the app's starting thread.
 */
public final class HttpBackendFactory implements BackendFactory {

    /** Used by {@link java.util.ServiceLoader}. */
    public HttpBackendFactory() {
    }

    @Override
    public RouteType type() {
        return RouteType.HTTP;
    }

    @Override
    public boolean isNeeded(List<Route> routes, Settings settings) {
        return !routes.isEmpty() || settings.metricsEnabled();
    }

    @Override
    public void validate(BackendContext context) {
        RouteChecks.check(RouteChecks.httpRoutes(context.routes()), context.settings());
    }

    @Override
    public Backend create(BackendContext context) {
        return new HttpBackend(context, RouteChecks.httpRoutes(context.routes()));
    }
}

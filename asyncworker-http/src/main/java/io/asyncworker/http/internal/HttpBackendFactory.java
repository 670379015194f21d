package io.asyncworker.http.internal;

import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.http.HttpSettings;
import java.util.List;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;

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
    public List<Setting<?>> settings() {
        return HttpSettings.ALL;
    }

    /** First: health and metrics answer while the other backends start. */
    @Override
    public int startPhase() {
        return PHASE_SERVER;
    }

    @Override
    public boolean isNeeded(BackendContext context) {
        return !context.routes().isEmpty() || context.settings().get(HttpSettings.METRICS_ENABLED);
    }

    @Override
    public void validate(BackendContext context) {
        VertxAccess.require();
        RouteChecks.check(RouteChecks.httpRoutes(context.routes()), context.settings());
    }

    @Override
    public Backend create(BackendContext context) {
        return new HttpBackend(context, RouteChecks.httpRoutes(context.routes()));
    }
}

package io.asyncworker.sse.internal;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.sse.SseSettings;
import java.util.List;

/**
 * Plugs the SSE backend into the app; found through {@code META-INF/services}. Called on the
 * app's starting thread.
 */
public final class SseBackendFactory implements BackendFactory {

    /** Used by {@link java.util.ServiceLoader}. */
    public SseBackendFactory() {
    }

    @Override
    public RouteType type() {
        return RouteType.SSE;
    }

    @Override
    public List<Setting<?>> settings() {
        return SseSettings.ALL;
    }

    @Override
    public int startPhase() {
        return PHASE_STREAM;
    }

    @Override
    public void validate(BackendContext context) {
        for (Route route : context.routes()) {
            RouteConnections.resolve(RouteConnections.sse(route), context.connections());
        }
    }

    @Override
    public List<String> check(BackendContext context) {
        return StreamProbe.check(context);
    }

    @Override
    public Backend create(BackendContext context) {
        return new SseBackend(context);
    }
}

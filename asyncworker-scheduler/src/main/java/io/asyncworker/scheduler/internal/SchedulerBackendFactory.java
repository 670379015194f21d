package io.asyncworker.scheduler.internal;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;

/**
 * Plugs the scheduler into the app; found through {@link java.util.ServiceLoader}. Called once
 * per app start, on the starting thread.
 */
public final class SchedulerBackendFactory implements BackendFactory {

    /** Used by {@link java.util.ServiceLoader}. */
    public SchedulerBackendFactory() {
    }

    @Override
    public RouteType type() {
        return RouteType.SCHEDULE;
    }

    @Override
    public int startPhase() {
        return PHASE_SCHEDULE;
    }

    @Override
    public void validate(BackendContext context) {
        for (Route route : context.routes()) {
            if (!(route instanceof ScheduleRoute)) {
                throw new IllegalArgumentException("route '" + route.name()
                        + "' of type SCHEDULE must be built with io.asyncworker.scheduler.Schedule");
            }
        }
    }

    @Override
    public Backend create(BackendContext context) {
        return new SchedulerBackend(context);
    }
}

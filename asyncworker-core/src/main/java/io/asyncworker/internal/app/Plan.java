package io.asyncworker.internal.app;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Which backends a start needs, checked before any user code runs. */
record Plan(BackendFactory factory, BackendContext context) {

    /**
     * Pairs every route type in use with its backend, in start order.
     *
     * @throws IllegalArgumentException when a route's backend is missing or rejects its routes
     */
    static List<Plan> of(BackendResolver resolver, Registrations reg, Function<RouteType, BackendContext> contexts) {
        List<Plan> plans = new ArrayList<>();
        for (RouteType type : BackendResolver.START_ORDER) {
            List<Route> routes = reg.routes(type);
            var factory = resolver.forType(type);
            if (factory.isEmpty()) {
                if (!routes.isEmpty()) {
                    throw new IllegalArgumentException("no backend for route '" + routes.get(0).name() + "' of type "
                            + type + ": add " + BackendResolver.moduleOf(type) + " to the class path");
                }
                continue;
            }
            BackendContext context = contexts.apply(type);
            if (factory.get().isNeeded(context)) {
                factory.get().validate(context);
                plans.add(new Plan(factory.get(), context));
            }
        }
        return plans;
    }
}

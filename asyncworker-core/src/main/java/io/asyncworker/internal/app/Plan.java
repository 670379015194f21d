package io.asyncworker.internal.app;

import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Which backends a start needs, checked before any user code runs. */
record Plan(BackendFactory factory, BackendContext context) {

    /**
     * Pairs every route type in use with its backend, in start order.
     *
     * @throws IllegalArgumentException when a route's backend is missing or rejects its routes
     */
    static List<Plan> of(BackendResolver resolver, Registrations reg, Function<RouteType, BackendContext> contexts) {
        requireBackends(resolver, reg);
        List<Plan> plans = new ArrayList<>();
        for (BackendFactory factory : resolver.inStartOrder()) {
            BackendContext context = contexts.apply(factory.type());
            if (factory.isNeeded(context)) {
                factory.validate(context);
                plans.add(new Plan(factory, context));
            }
        }
        return plans;
    }

    private static void requireBackends(BackendResolver resolver, Registrations reg) {
        Set<RouteType> types = new LinkedHashSet<>();
        reg.routes.forEach(r -> types.add(r.type()));
        for (RouteType type : types) {
            if (resolver.forType(type).isEmpty()) {
                throw new IllegalArgumentException(MissingBackend.describe(type, reg.routes(type).get(0)));
            }
        }
    }

    /** Explains a route type that no backend serves, naming the service file and the route's jar. */
    static final class MissingBackend {
        private MissingBackend() {
        }

        static String describe(RouteType type, Route route) {
            String jar = jarOf(route.getClass());
            return "no backend for route '" + route.name() + "' of type " + type + ": no entry of "
                    + "META-INF/services/io.asyncworker.spi.BackendFactory serves " + type + ", although the route's "
                    + "class " + route.getClass().getName() + " was loaded" + (jar.isEmpty() ? "" : " from " + jar)
                    + ". Put that backend module's jar on the class path; in a shaded (fat) jar, merge the service "
                    + "files of every module with the maven-shade-plugin's ServicesResourceTransformer (see the README, "
                    + "'Packaging a worker').";
        }

        private static String jarOf(Class<?> type) {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        }
    }
}

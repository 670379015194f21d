package io.asyncworker.internal.app;

import io.asyncworker.RouteType;
import io.asyncworker.spi.BackendFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the backend of each route type: an explicit one first, else the class path's. */
final class BackendResolver {
    /** Start order: the HTTP server (health) first, then consumers, streams, schedules. */
    static final RouteType[] START_ORDER = {RouteType.HTTP, RouteType.AMQP_RABBITMQ, RouteType.SSE, RouteType.SCHEDULE};

    private final Map<RouteType, BackendFactory> found = new EnumMap<>(RouteType.class);

    BackendResolver(Map<RouteType, BackendFactory> explicit) {
        for (BackendFactory f : ServiceLoader.load(BackendFactory.class, BackendResolver.class.getClassLoader())) {
            found.putIfAbsent(f.type(), f);
        }
        found.putAll(explicit);
    }

    Optional<BackendFactory> forType(RouteType type) {
        return Optional.ofNullable(found.get(type));
    }

    static String moduleOf(RouteType type) {
        return switch (type) {
            case AMQP_RABBITMQ -> "asyncworker-rabbitmq";
            case SSE -> "asyncworker-sse";
            case HTTP -> "asyncworker-http";
            case SCHEDULE -> "asyncworker-scheduler";
        };
    }
}

package io.asyncworker.internal.app;

import io.asyncworker.RouteType;
import io.asyncworker.internal.Discovery;
import io.asyncworker.spi.BackendFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the backend of each route type: an explicit one first, else the class path's. */
final class BackendResolver {
    private final Map<RouteType, BackendFactory> found = new LinkedHashMap<>();
    /** Every factory discovered or given, also those a given one replaces for its type. */
    private final List<BackendFactory> known = new ArrayList<>();

    BackendResolver(Map<RouteType, BackendFactory> explicit) {
        for (BackendFactory f : Discovery.backendFactories()) {
            found.putIfAbsent(f.type(), f);
            known.add(f);
        }
        found.putAll(explicit);
        known.addAll(explicit.values());
    }

    /** {@return every factory discovered or given, also those that serve no route type here} */
    List<BackendFactory> known() {
        return Collections.unmodifiableList(known);
    }

    Optional<BackendFactory> forType(RouteType type) {
        return Optional.ofNullable(found.get(type));
    }

    /** Every backend, in start order: by phase, then by type name. */
    List<BackendFactory> inStartOrder() {
        List<BackendFactory> all = new ArrayList<>(found.values());
        all.sort(Comparator.comparingInt(BackendFactory::startPhase).thenComparing(f -> f.type().name()));
        return all;
    }
}

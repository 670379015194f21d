package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.Connection;
import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.DevService;
import io.asyncworker.spi.Providers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The dev services on the class path, and for each route type the module that would provide one
 * (as its backend says). The command line names no backend: everything comes from these lookups.
 */
final class DevServices {
    private final List<DevService> services;
    private final Function<RouteType, Optional<String>> moduleFor;

    DevServices(List<DevService> services, Function<RouteType, Optional<String>> moduleFor) {
        this.services = List.copyOf(services);
        this.moduleFor = moduleFor;
    }

    /** The dev services and backends installed, as the core finds them. */
    static DevServices discover() {
        List<BackendFactory> backends = Providers.backendFactories();
        return new DevServices(Providers.devServices(), type -> backends.stream()
                .filter(b -> type.equals(b.type())).findFirst().flatMap(BackendFactory::devServiceModule));
    }

    /**
     * One dev service per route type of the app's routes and connections, in the app's order. A
     * type whose backend names a dev service module that is not on the class path gets one line
     * saying which module to add; a type without one needs no dev service.
     */
    List<DevService> needed(App app, Consumer<String> missing) {
        List<DevService> needed = new ArrayList<>();
        for (RouteType type : types(app)) {
            Optional<DevService> service = services.stream().filter(s -> type.equals(s.type())).findFirst();
            if (service.isPresent()) {
                needed.add(service.get());
            } else {
                moduleFor.apply(type).ifPresent(module -> missing.accept("dev: no dev service for the " + type
                        + " routes on the class path; add " + module + " to it (or give its jar with --classpath) "
                        + "to have one provided, or point the app at a running system"));
            }
        }
        return needed;
    }

    private static Set<RouteType> types(App app) {
        Set<RouteType> types = new LinkedHashSet<>();
        Stream.concat(app.routes().stream().map(Route::type), app.connections().stream().map(Connection::type))
                .forEach(types::add);
        return types;
    }
}

package io.asyncworker.spi;

import io.asyncworker.App;
import io.asyncworker.internal.Discovery;
import io.asyncworker.internal.app.DefaultApp;
import java.util.List;
import java.util.Objects;

/**
 * The backends and dev services installed next to the core, found exactly as the core finds them
 * when it builds an app: through the core's own class loader and the thread's context class loader,
 * from {@code provides} in module descriptors on the module path and {@code META-INF/services} on the
 * class path, each implementation class once. For tools that must see what an app would see without
 * naming any backend, such as the command line's dev mode and its {@code parking-lot} command.
 *
 * <pre>{@code
 * for (DevService s : Providers.devServices()) { ... }
 * }</pre>
 *
 * <p>Thread-safe; each call looks again and returns new instances.
 *
 * @see #parkingLots(App)
 */
public final class Providers {

    private Providers() {
    }

    /** {@return every installed {@link BackendFactory}, in discovery order} */
    public static List<BackendFactory> backendFactories() {
        return Discovery.backendFactories();
    }

    /** {@return every installed {@link DevService}, in discovery order} */
    public static List<DevService> devServices() {
        return Discovery.load(DevService.class);
    }

    /**
     * The parking lots of an app's routes (SPEC §14), from every backend that has them, for tools
     * such as {@code asyncworker parking-lot}; works without starting the app. Opens nothing: each
     * lot's methods open and close their own connections. It lives here, not on {@link App}, because
     * a {@link ParkingLot} is a backend-facing type that applications never handle.
     *
     * <pre>{@code
     * for (ParkingLot lot : Providers.parkingLots(app)) { System.out.println(lot.name() + " " + lot.count()); }
     * }</pre>
     *
     * @param app an app built by {@link App#create()} or {@link App#builder()}, started or not
     * @return the lots, in backend and route order; empty when no route parks messages
     * @throws IllegalArgumentException when a route or connection is invalid, or the app was not built
     *                                  by {@code App}
     */
    public static List<ParkingLot> parkingLots(App app) {
        Objects.requireNonNull(app, "app");
        if (app instanceof DefaultApp built) {
            return built.parkingLots();
        }
        throw new IllegalArgumentException("parking lots need an app built by App.create() or App.builder(), got a "
                + app.getClass().getName());
    }
}

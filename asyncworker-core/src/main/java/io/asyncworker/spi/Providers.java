package io.asyncworker.spi;

import io.asyncworker.internal.Discovery;
import java.util.List;

/**
 * The backends and dev services installed next to the core, found exactly as the core finds them
 * when it builds an app: through the core's own class loader and the thread's context class loader,
 * from {@code provides} in module descriptors on the module path and {@code META-INF/services} on the
 * class path, each implementation class once. For tools that must see what an app would see without
 * naming any backend, such as the command line's dev mode.
 *
 * <pre>{@code
 * for (DevService s : Providers.devServices()) { ... }
 * }</pre>
 *
 * <p>Thread-safe; each call looks again and returns new instances.
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
}

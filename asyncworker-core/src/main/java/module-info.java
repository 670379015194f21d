/**
 * The asyncworker core: the {@link io.asyncworker.App}, routes, batching, outcomes and settings
 * ({@code io.asyncworker}), and the SPI backends are written against ({@code io.asyncworker.spi}).
 * Everything under {@code io.asyncworker.internal} is implementation and exported to no module.
 *
 * <p>Backends and dev services are found with {@link java.util.ServiceLoader}: on the module path
 * through {@code provides} in their module descriptors, on the class path through
 * {@code META-INF/services}.
 */
// micrometer.core and micrometer.observation are automatic modules, named by the stable Automatic-Module-Names of their jars.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.asyncworker.core {
    // App.meters(), spi.RouteMetrics and spi.BackendContext show Micrometer types.
    requires transitive micrometer.core;
    // App.Builder.observations(..), spi.BackendContext and the observation contexts show Micrometer Observation types.
    requires transitive micrometer.observation;
    requires org.slf4j;

    exports io.asyncworker;
    exports io.asyncworker.spi;
    exports io.asyncworker.observation;

    uses io.asyncworker.spi.BackendFactory;
    uses io.asyncworker.spi.DevService;
}

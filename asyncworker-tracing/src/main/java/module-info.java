/**
 * Micrometer Tracing for asyncworker's observations ({@code io.asyncworker.tracing}): the tracing
 * handlers, batch span links and trace ids in the MDC. Everything under
 * {@code io.asyncworker.tracing.internal} is implementation and exported to no module.
 */
// micrometer.tracing is an automatic module named by the stable Automatic-Module-Name of its jar.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.asyncworker.tracing {
    requires transitive io.asyncworker.core;
    // AsyncWorkerTracing.install(..) and BatchLinksTracingObservationHandler show Tracer and Propagator.
    requires transitive micrometer.tracing;
    requires org.slf4j;

    exports io.asyncworker.tracing;
}

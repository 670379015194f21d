/**
 * logback's configuration for a worker that brings none: logback finds
 * {@link io.asyncworker.logback.AsyncWorkerConfigurator} as a
 * {@code ch.qos.logback.classic.spi.Configurator} service.
 */
module io.asyncworker.logback {
    // AsyncWorkerConfigurator is a logback Configurator and a ContextAwareBase.
    requires transitive ch.qos.logback.classic;
    requires transitive ch.qos.logback.core;

    exports io.asyncworker.logback;

    provides ch.qos.logback.classic.spi.Configurator with io.asyncworker.logback.AsyncWorkerConfigurator;
}

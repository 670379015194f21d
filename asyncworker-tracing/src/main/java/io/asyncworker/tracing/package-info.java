/**
 * Micrometer Tracing for asyncworker's observations: {@link io.asyncworker.tracing.AsyncWorkerTracing}
 * wires the handlers, {@link io.asyncworker.tracing.BatchLinksTracingObservationHandler} links a
 * batch's span to each message's producer.
 */
package io.asyncworker.tracing;

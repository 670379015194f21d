/**
 * Observation contexts and names of asyncworker (SPEC §16): what a tracing or metrics
 * {@code ObservationHandler} sees of a handler run, a publish or a request. Built on Micrometer's
 * Observation API only; {@code asyncworker-tracing} adds the handlers that know Micrometer Tracing.
 */
package io.asyncworker.observation;

/**
 * Dev mode's broker for RabbitMQ workers: {@link io.asyncworker.devbroker.RabbitMqDevService}, found by
 * the command line through {@code META-INF/services/io.asyncworker.spi.DevService}. For development
 * class paths only; a production worker does not carry this module.
 */
package io.asyncworker.devbroker;

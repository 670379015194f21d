/**
 * Implementation of the RabbitMQ backend; not API. Start with {@code AmqpBackend} (one app run),
 * {@code ConsumerConnection} (our own connection recovery), {@code QueueConsumer} (one channel per
 * route and queue), {@code ChannelSession} and {@code AckTracker} (exact multi-acks, no stale
 * tags), {@code AmqpSettler} (outcomes to frames) and {@code Publisher} (lazy, confirmed publishing, one
 * outcome per publish: {@code ExchangeProbe}, {@code PublishChannel}, {@code ConfirmTracker},
 * {@code ChannelLoss}).
 */
package io.asyncworker.rabbitmq.internal;

/**
 * Implementation of the RabbitMQ backend; not API. Start with {@code AmqpBackend} (one app run),
 * {@code ConsumerConnection} (our own connection recovery), {@code QueueConsumer} (one channel per
 * route and queue), {@code ChannelSession} and {@code AckTracker} (exact multi-acks, no stale
 * tags), {@code AmqpSettler} (outcomes to frames) and {@code Publisher} (lazy, confirmed publishing, one
 * outcome per publish: {@code ExchangeProbe}, {@code PublishChannel}, {@code ConfirmTracker},
 * {@code ChannelLoss}). Retries: {@code RetrySink} (copies to delay queues and parking lots, then
 * acks), {@code RetryQueues} (their names and arguments), {@code AmqpParkingLot} and {@code Replay}
 * (the command line's parking lot).
 */
package io.asyncworker.rabbitmq.internal;

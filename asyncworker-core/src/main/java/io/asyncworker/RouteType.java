package io.asyncworker;

/** The kind of a route; each kind is served by one backend module. */
public enum RouteType {
    /** Consumes RabbitMQ queues in batches ({@code asyncworker-rabbitmq}). */
    AMQP_RABBITMQ,
    /** Consumes remote Server-Sent-Events streams in batches ({@code asyncworker-sse}). */
    SSE,
    /** Serves HTTP requests ({@code asyncworker-http}). */
    HTTP,
    /** Runs recurring tasks ({@code asyncworker-scheduler}). */
    SCHEDULE
}

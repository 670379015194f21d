package io.asyncworker.observation;

import io.micrometer.observation.Observation;

/**
 * The names and keys of the observations asyncworker makes (SPEC §16), for conventions, filters
 * and dashboards. Every handler run, HTTP request, schedule run, publish and SSE request is one
 * observation on the app's {@link io.micrometer.observation.ObservationRegistry}; with
 * {@link io.micrometer.observation.ObservationRegistry#NOOP} (the default) none is made.
 *
 * <p>Low-cardinality keys (a small fixed set of values: route, queue, method, status) become meter
 * tags and span attributes; high-cardinality keys (message id, path, routing key) only span
 * attributes. The names differ from those of the framework's own meters, so a
 * {@code DefaultMeterObservationHandler} on the app's meters adds timers next to them without a
 * clash.
 *
 * <p>While a handler runs, the SLF4J MDC carries {@link #MDC_ROUTE} and, for a batch of one
 * message, {@link #MDC_MESSAGE_ID}; {@code asyncworker-tracing} adds {@code traceId} and
 * {@code spanId}.
 */
public final class AsyncWorkerObservations {
    /** A batch handler run (one message or many): {@link MessageReceiverContext} or {@link BatchReceiverContext}. */
    public static final String BATCH = "asyncworker.batch.process";
    /** A publish to a RabbitMQ exchange, from the publish until the broker's confirm. */
    public static final String PUBLISH = "asyncworker.message.publish";
    /** An HTTP request, from the handler's start until the answer is written. */
    public static final String HTTP = "asyncworker.http.request";
    /** A run of a schedule. */
    public static final String SCHEDULE = "asyncworker.schedule.run";
    /** One connection attempt of an SSE stream, until the response's head arrived. */
    public static final String SSE_CONNECT = "asyncworker.sse.connect";

    /** Low-cardinality key: the route's name. */
    public static final String ROUTE = "route";
    /** Low-cardinality key: the queue or stream a batch came from ({@code several} when it mixes them). */
    public static final String QUEUE = "queue";
    /** Low-cardinality key: the exchange a message is published to ({@code default} for {@code ""}). */
    public static final String EXCHANGE = "exchange";
    /** Low-cardinality key: the HTTP method. */
    public static final String METHOD = "method";
    /** Low-cardinality key: the HTTP status answered or received. */
    public static final String STATUS = "status";
    /** Low-cardinality key: how a handler run, schedule run or publish ended: {@code success} or {@code error}. */
    public static final String RESULT = "result";
    /** Low-cardinality key: the schedule's name. */
    public static final String SCHEDULE_NAME = "schedule";

    /** High-cardinality key: the message's id (a batch of one, or a publish with one). */
    public static final String MESSAGE_ID = "message.id";
    /** High-cardinality key: how many messages the handler was given. */
    public static final String BATCH_SIZE = "batch.size";
    /** High-cardinality key: the routing key of a publish. */
    public static final String ROUTING_KEY = "routing.key";
    /** High-cardinality key: the request path or the stream URL. */
    public static final String PATH = "path";

    /** MDC key: the route whose handler runs on this thread. */
    public static final String MDC_ROUTE = "route";
    /** MDC key: the id of the one message the handler was given (a batch of one). */
    public static final String MDC_MESSAGE_ID = "messageId";

    private AsyncWorkerObservations() {
    }

    /**
     * Ends a handler run, schedule run or publish: records {@link #RESULT} ({@code success} or
     * {@code error}) and the failure, if any, then stops the observation. Call it on the thread that
     * learnt the outcome, once.
     *
     * @param observation the started observation
     * @param failure     what failed, or null when it succeeded
     */
    public static void stop(Observation observation, Throwable failure) {
        observation.lowCardinalityKeyValue(RESULT, failure == null ? "success" : "error");
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
    }
}

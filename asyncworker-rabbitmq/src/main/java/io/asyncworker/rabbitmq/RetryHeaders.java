package io.asyncworker.rabbitmq;

import java.util.List;

/**
 * The headers a RabbitMQ route with a {@link io.asyncworker.RetryPolicy} writes on the copies it
 * republishes to its delay queues and its parking lot (SPEC §14). Handlers may read them from
 * {@link RabbitMQMessage#headers()}; operators see them in the parking lot. Times are ISO-8601
 * instants in UTC ({@code 2026-12-01T10:15:30.123Z}), counts are integers, texts strings.
 *
 * <pre>{@code
 * Object why = m.headers().get(RetryHeaders.EXCEPTION);   // on a retried message: the last failure
 * }</pre>
 *
 * <p>Constants only; thread-safe.
 */
public final class RetryHeaders {
    /** Which attempt the message is on when it comes back from a delay queue: 2, 3, ... */
    public static final String ATTEMPT = "x-asyncworker-attempt";
    /** On a parked message: how many attempts were made. */
    public static final String ATTEMPTS = "x-asyncworker-attempts";
    /** The route that failed the message. */
    public static final String ROUTE = "x-asyncworker-route";
    /** The queue the message came from, where a retry and a replay deliver it again. */
    public static final String QUEUE = "x-asyncworker-queue";
    /** The last failure's exception class, or a reason such as {@code parked by the handler}. */
    public static final String EXCEPTION = "x-asyncworker-exception";
    /** The last failure's exception message (or the handler's reason), at most 512 characters. */
    public static final String EXCEPTION_MESSAGE = "x-asyncworker-exception-message";
    /** When the first attempt failed. */
    public static final String FIRST_FAILURE = "x-asyncworker-first-failure";
    /** When the last attempt failed. */
    public static final String LAST_FAILURE = "x-asyncworker-last-failure";
    /** The exchange the message was first published to ({@code ""} for the default exchange). */
    public static final String EXCHANGE = "x-asyncworker-exchange";
    /** The routing key the message was first published with. */
    public static final String ROUTING_KEY = "x-asyncworker-routing-key";
    /** On a message moved back from the parking lot: when. */
    public static final String REPLAYED = "x-asyncworker-replayed";

    /** The failure headers, which a replay takes off: every header above but {@link #REPLAYED}. */
    public static final List<String> FAILURE = List.of(ATTEMPT, ATTEMPTS, ROUTE, QUEUE, EXCEPTION, EXCEPTION_MESSAGE,
            FIRST_FAILURE, LAST_FAILURE, EXCHANGE, ROUTING_KEY);

    private RetryHeaders() {
    }
}

package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.asyncworker.rabbitmq.RetryHeaders;
import io.asyncworker.spi.Verdict;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties of the copies a route republishes (SPEC §14), as pure functions: every property
 * and header of the message is kept, apart from what would change where or how long the copy
 * lives — the per-message {@code expiration} (a copy waits its delay queue's TTL, a parked one until
 * a person acts), the {@code CC}/{@code BCC} routing headers (they would copy it to other queues)
 * and a quorum queue's {@code x-delivery-count} (a copy starts a new delivery) — and the
 * {@link RetryHeaders} are set anew. Stateless.
 */
final class FailureHeaders {
    /** Headers never copied. */
    private static final List<String> DROPPED = List.of("CC", "BCC", "x-delivery-count");

    private FailureHeaders() {
    }

    /**
     * Where a failed message came from and what failed it.
     *
     * @param route      the route
     * @param queue      the queue it was consumed from
     * @param exchange   the exchange of this delivery
     * @param routingKey the routing key of this delivery
     */
    record Origin(String route, String queue, String exchange, String routingKey) {
    }

    /** The copy to a delay queue: it comes back as attempt {@code verdict.attempt()}. */
    static AMQP.BasicProperties retry(AMQP.BasicProperties props, Origin origin, Verdict verdict, Instant now) {
        Map<String, Object> headers = failure(props, origin, verdict, now);
        headers.put(RetryHeaders.ATTEMPT, verdict.attempt());
        return props.builder().headers(headers).expiration(null).build();
    }

    /** The copy to the parking lot, after {@code verdict.attempt()} attempts. */
    static AMQP.BasicProperties park(AMQP.BasicProperties props, Origin origin, Verdict verdict, Instant now) {
        Map<String, Object> headers = failure(props, origin, verdict, now);
        headers.put(RetryHeaders.ATTEMPTS, verdict.attempt());
        return props.builder().headers(headers).expiration(null).build();
    }

    /** A parked message moved back to its queue: a first attempt again, marked as replayed. */
    static AMQP.BasicProperties replay(AMQP.BasicProperties props, Instant now) {
        Map<String, Object> headers = kept(props);
        RetryHeaders.FAILURE.forEach(headers::remove);
        headers.put(RetryHeaders.REPLAYED, now.toString());
        return props.builder().headers(headers).expiration(null).build();
    }

    private static Map<String, Object> failure(AMQP.BasicProperties props, Origin origin, Verdict verdict, Instant now) {
        Map<String, Object> headers = kept(props);
        Verdict.Failure f = verdict.failure().orElse(new Verdict.Failure("unknown", ""));
        headers.putIfAbsent(RetryHeaders.FIRST_FAILURE, now.toString());
        headers.putIfAbsent(RetryHeaders.EXCHANGE, origin.exchange());
        headers.putIfAbsent(RetryHeaders.ROUTING_KEY, origin.routingKey());
        headers.remove(RetryHeaders.ATTEMPT);
        headers.remove(RetryHeaders.ATTEMPTS);
        headers.put(RetryHeaders.ROUTE, origin.route());
        headers.put(RetryHeaders.QUEUE, origin.queue());
        headers.put(RetryHeaders.EXCEPTION, f.type());
        headers.put(RetryHeaders.EXCEPTION_MESSAGE, f.message());
        headers.put(RetryHeaders.LAST_FAILURE, now.toString());
        return headers;
    }

    private static Map<String, Object> kept(AMQP.BasicProperties props) {
        Map<String, Object> headers = props.getHeaders() == null ? new HashMap<>() : new HashMap<>(props.getHeaders());
        DROPPED.forEach(headers::remove);
        return headers;
    }

    /** The attempt a delivered message is on: its {@link RetryHeaders#ATTEMPT} header, else 1. */
    static int attempt(Map<String, Object> headers) {
        Object raw = headers == null ? null : headers.get(RetryHeaders.ATTEMPT);
        long attempt = raw instanceof Number n ? n.longValue() : parse(raw);
        return (int) Math.max(1, Math.min(attempt, Integer.MAX_VALUE));
    }

    private static long parse(Object raw) {
        try {
            return raw == null ? 1 : Long.parseLong(raw.toString().trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}

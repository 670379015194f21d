package io.asyncworker.sse;

import io.asyncworker.Message;
import java.time.Duration;
import java.util.Optional;

/**
 * One event of a remote stream, as an SSE route's handler receives it.
 *
 * <p>Settling works as for every message: by default the route's {@code onSuccess} (ACK) or
 * {@code onException} (REQUEUE) applies. ACK and REJECT let the stream's resume point move past
 * the event; REQUEUE makes the stream reconnect and resume from the last finished event, so the
 * event comes again if the server honours {@code Last-Event-ID}.
 *
 * <pre>{@code
 * SseRoute.consume("/prices").bulkSize(100).handler(events -> {
 *     for (SseMessage e : events) {
 *         if (e.event().equals("price")) save(e.body(Price.class));
 *     }
 * });
 * }</pre>
 *
 * <p>Immutable apart from the decision; readers may be called from any thread.
 */
public interface SseMessage extends Message {

    /** {@return the event type, {@code message} when the stream named none} */
    String event();

    /**
     * {@return the event's last event ID as the WHATWG rules define it: the most recent {@code id} field
     * on the stream up to this event (it persists), empty when none was set}
     */
    Optional<String> id();

    /** {@return the data lines joined with {@code \n}} */
    String data();

    /**
     * Decodes the data with the route's codec (JSON through Jackson by default).
     *
     * @param <T> the value type
     * @param type the type to decode into
     * @return the decoded value
     * @throws io.asyncworker.DecodeException when the data is not a valid {@code type}
     */
    <T> T body(Class<T> type);

    /**
     * {@return the reconnection time the server last set with {@code retry:} on this stream, if any}
     * (Named after the WHATWG term: {@link #retry()} is the decision to retry this event.)
     */
    Optional<Duration> reconnectionTime();

    /** {@return the URL of the stream the event came from (before redirects)} */
    String url();

    /** {@return how many times this event position has been delivered, counting resumes after a REQUEUE; 1 at first} */
    long deliveryCount();
}

package io.asyncworker.observation;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The observation context of a handler run on a batch of one message: its headers are the carrier
 * a propagating handler extracts the producer's trace context from ({@code traceparent},
 * {@code tracestate}, {@code baggage}), so the run continues the producer's trace as a
 * {@link Kind#CONSUMER} span.
 *
 * <p>Made by the core on the handler's thread; read by observation handlers on the same thread.
 */
public final class MessageReceiverContext extends ReceiverContext<Map<String, Object>> {
    private final String route;
    private final String source;
    private final String messageId;

    /**
     * A context for one message.
     *
     * @param route     the route's name
     * @param source    the queue or stream the message came from
     * @param headers   the message's headers, the carrier (not copied: the caller no longer changes them)
     * @param messageId the message's id for logs, if it has one
     */
    public MessageReceiverContext(String route, String source, Map<String, Object> headers, Optional<String> messageId) {
        super(Carriers::get, Kind.CONSUMER);
        this.route = Objects.requireNonNull(route, "route");
        this.source = Objects.requireNonNull(source, "source");
        this.messageId = Objects.requireNonNull(messageId, "messageId").orElse(null);
        setCarrier(Objects.requireNonNull(headers, "headers"));
    }

    /** {@return the route's name} */
    public String route() {
        return route;
    }

    /** {@return the queue or stream the message came from} */
    public String source() {
        return source;
    }

    /** {@return the message's id for logs, if it has one} */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }
}

package io.asyncworker.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Propagator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The observation context of a handler run on a batch of several messages. A batch has no single
 * parent, so it is not a {@code ReceiverContext}: a tracing handler gives it a span of its own
 * and, knowing {@link #carriers()}, one link to each message's producer span (the
 * {@code BatchLinksTracingObservationHandler} of {@code asyncworker-tracing} does).
 *
 * <p>Made by the core on the handler's thread; immutable apart from what handlers store in it.
 */
public final class BatchReceiverContext extends Observation.Context {
    private final String route;
    private final String source;
    private final List<Map<String, Object>> carriers;

    /**
     * A context for a batch.
     *
     * @param route    the route's name
     * @param source   the queue or stream the messages came from, or {@code several}
     * @param carriers each message's headers, in batch order; an unmodifiable list, not copied, so
     *                 that a list reading each message's headers on demand stays lazy
     */
    public BatchReceiverContext(String route, String source, List<Map<String, Object>> carriers) {
        this.route = Objects.requireNonNull(route, "route");
        this.source = Objects.requireNonNull(source, "source");
        this.carriers = Objects.requireNonNull(carriers, "carriers");
    }

    /** {@return the route's name} */
    public String route() {
        return route;
    }

    /** {@return the queue or stream the messages came from, or {@code several}} */
    public String source() {
        return source;
    }

    /**
     * {@return each message's headers, in batch order: the carriers of the producers' trace contexts}
     * The core reads a message's headers when its element is read, so read each at most once.
     */
    public List<Map<String, Object>> carriers() {
        return carriers;
    }

    /** {@return reads a propagation field ({@code traceparent}, ...) from a carrier as text} */
    public Propagator.Getter<Map<String, Object>> getter() {
        return Carriers::get;
    }
}

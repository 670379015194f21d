package io.asyncworker.internal.batch;

import io.asyncworker.observation.AsyncWorkerObservations;
import io.asyncworker.observation.BatchReceiverContext;
import io.asyncworker.observation.MessageReceiverContext;
import io.asyncworker.spi.Inbound;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The log context and observation of one handler run, on the handler's own virtual thread: the
 * MDC carries the route (and the message id for a batch of one) while the handler runs, and, with
 * an observation registry that is not a no-op, the run is an observation whose scope is open
 * around the handler: a batch of one continues its producer's trace ({@link MessageReceiverContext}),
 * a batch of many gets its own ({@link BatchReceiverContext}). Thread-safe; one per route.
 */
final class HandlerObservation {
    static final String SEVERAL = "several";
    private final String route;
    private final ObservationRegistry registry;

    HandlerObservation(String route, ObservationRegistry registry) {
        this.route = route;
        this.registry = registry;
    }

    /**
     * Runs the handler under the route's log context and observation.
     *
     * @param handed  the messages the handler is given, in order; not empty
     * @param handler runs the handler, returning its failure or null
     * @return what {@code handler} returned
     */
    Throwable observe(List<? extends Inbound> handed, Supplier<Throwable> handler) {
        Optional<String> id = handed.size() == 1 ? handed.get(0).id() : Optional.empty();
        MDC.put(AsyncWorkerObservations.MDC_ROUTE, route);
        id.ifPresent(v -> MDC.put(AsyncWorkerObservations.MDC_MESSAGE_ID, v));
        try {
            return registry.isNoop() ? handler.get() : observed(handed, id, handler);
        } finally {
            MDC.remove(AsyncWorkerObservations.MDC_ROUTE);
            MDC.remove(AsyncWorkerObservations.MDC_MESSAGE_ID);
        }
    }

    private Throwable observed(List<? extends Inbound> handed, Optional<String> id, Supplier<Throwable> handler) {
        Observation observation = observation(handed, id).start();
        Throwable failure = null;
        try (Observation.Scope ignored = observation.openScope()) {
            failure = handler.get();
            return failure;
        } finally {
            AsyncWorkerObservations.stop(observation, failure);
        }
    }

    private Observation observation(List<? extends Inbound> handed, Optional<String> id) {
        String source = source(handed);
        Observation o;
        if (handed.size() == 1) {
            Inbound only = handed.get(0);
            o = Observation.createNotStarted(AsyncWorkerObservations.BATCH,
                    () -> new MessageReceiverContext(route, source, only.headers(), id), registry);
            id.ifPresent(v -> o.highCardinalityKeyValue(AsyncWorkerObservations.MESSAGE_ID, v));
        } else {
            o = Observation.createNotStarted(AsyncWorkerObservations.BATCH,
                    () -> new BatchReceiverContext(route, source, carriers(handed)), registry);
        }
        return o.contextualName("process " + source)
                .lowCardinalityKeyValue(AsyncWorkerObservations.ROUTE, route)
                .lowCardinalityKeyValue(AsyncWorkerObservations.QUEUE, source)
                .highCardinalityKeyValue(AsyncWorkerObservations.BATCH_SIZE, Integer.toString(handed.size()));
    }

    /** The source shared by every message, else {@value #SEVERAL}. */
    static String source(List<? extends Inbound> handed) {
        String first = handed.get(0).source();
        for (int i = 1; i < handed.size(); i++) {
            if (!first.equals(handed.get(i).source())) {
                return SEVERAL;
            }
        }
        return first;
    }

    /**
     * Each message's headers, read when a handler asks for them: a tracing handler that links only
     * the first messages (tracers cap the links of a span) costs nothing for the others.
     */
    private static List<Map<String, Object>> carriers(List<? extends Inbound> handed) {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int index) {
                return handed.get(index).headers();
            }

            @Override
            public int size() {
                return handed.size();
            }
        };
    }
}

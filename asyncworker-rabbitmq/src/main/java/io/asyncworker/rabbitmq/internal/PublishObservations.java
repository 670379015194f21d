package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.asyncworker.observation.AsyncWorkerObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Observes the publishes of one connection (SPEC §16): each is a {@link Kind#PRODUCER} observation
 * whose propagating handler writes the trace context ({@code traceparent}, {@code tracestate},
 * {@code baggage}) into the message's headers. The registry is the one the connection's builder
 * was given, else the app's once the connection is registered with a starting app, else none: then
 * a publish costs nothing and its headers are exactly those set.
 *
 * <p>Thread-safe: publishes on any thread; the app's registry may be adopted meanwhile.
 */
final class PublishObservations {
    private final boolean fixed;
    private volatile ObservationRegistry registry;

    PublishObservations(ObservationRegistry fixed) {
        this.fixed = fixed != null;
        this.registry = fixed != null ? fixed : ObservationRegistry.NOOP;
    }

    /** Takes the app's registry, unless the connection was built with its own. */
    void adopt(ObservationRegistry appRegistry) {
        if (!fixed) {
            registry = appRegistry;
        }
    }

    /** One publish, observed or not. */
    interface Publish {
        /** The properties to send: the given ones, with the trace context in the headers when it was injected. */
        AMQP.BasicProperties properties();

        /** The broker answered: confirmed when {@code failure} is null. */
        void done(Throwable failure);
    }

    /** Starts the observation of a publish; a no-op when the registry is. */
    Publish start(String exchange, String routingKey, AMQP.BasicProperties props) {
        ObservationRegistry r = registry;
        if (r.isNoop()) {
            return new Untraced(props);
        }
        Map<String, Object> given = props.getHeaders() == null ? Map.of() : props.getHeaders();
        Map<String, Object> headers = new LinkedHashMap<>(given);
        SenderContext<Map<String, Object>> context = new SenderContext<>((carrier, key, value) -> carrier.put(key, value),
                Kind.PRODUCER);
        context.setCarrier(headers);
        context.setRemoteServiceName("rabbitmq");
        Observation observation = Observation.createNotStarted(AsyncWorkerObservations.PUBLISH, () -> context, r)
                .contextualName("publish " + (exchange.isEmpty() ? routingKey : exchange))
                .lowCardinalityKeyValue(AsyncWorkerObservations.EXCHANGE, exchange.isEmpty() ? "default" : exchange)
                .highCardinalityKeyValue(AsyncWorkerObservations.ROUTING_KEY, routingKey);
        if (props.getMessageId() != null) {
            observation.highCardinalityKeyValue(AsyncWorkerObservations.MESSAGE_ID, props.getMessageId());
        }
        observation.start();
        boolean injected = !headers.equals(given);
        return new Traced(injected ? props.builder().headers(headers).build() : props, observation);
    }

    private record Untraced(AMQP.BasicProperties properties) implements Publish {
        @Override
        public void done(Throwable failure) {
        }
    }

    private record Traced(AMQP.BasicProperties properties, Observation observation) implements Publish {
        @Override
        public void done(Throwable failure) {
            AsyncWorkerObservations.stop(observation, failure);
        }
    }
}

package io.asyncworker.test.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.RouteType;
import io.asyncworker.spi.Checks;
import io.asyncworker.test.InMemoryBroker;
import io.asyncworker.test.InMemoryRoute;
import io.asyncworker.test.Sent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/** The broker behind {@link InMemoryBroker}: its queues, created when first named. Thread-safe. */
public final class MemoryBroker implements InMemoryBroker {
    private final String name;
    private final int prefetch;
    private final BodyCodec codec;
    private final Duration awaitTimeout;
    private final Map<String, MemoryQueue> queues = new ConcurrentHashMap<>();
    /** Numbers messages in send order, across queues: a requeued message goes back to its place. */
    private final AtomicLong sequence = new AtomicLong();

    MemoryBroker(MemoryBrokerBuilder b) {
        this.name = b.name;
        this.prefetch = b.prefetch;
        this.codec = b.codec;
        this.awaitTimeout = b.awaitTimeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RouteType type() {
        return InMemoryRoute.TYPE;
    }

    @Override
    public Sent send(String queue, Object body) {
        return send(queue, body, Map.of());
    }

    @Override
    public Sent send(String queue, Object body, Map<String, ?> headers) {
        MemoryQueue q = queue(queue);
        StoredMessage m = new StoredMessage(sequence.incrementAndGet(), queue, encode(body), Map.copyOf(headers), awaitTimeout);
        q.publish(m);
        return m;
    }

    private byte[] encode(Object body) {
        Objects.requireNonNull(body, "body");
        if (body instanceof byte[] bytes) {
            return bytes.clone();
        }
        return body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : codec.encode(body);
    }

    /** The queue with this name, created when first named. */
    MemoryQueue queue(String queue) {
        Checks.notBlank("queue", queue);
        return queues.computeIfAbsent(queue, MemoryQueue::new);
    }

    private int count(String queue, ToIntFunction<MemoryQueue> what) {
        return Optional.ofNullable(queues.get(Objects.requireNonNull(queue, "queue"))).map(what::applyAsInt).orElse(0);
    }

    @Override
    public int ready(String queue) {
        return count(queue, MemoryQueue::ready);
    }

    @Override
    public int unacked(String queue) {
        return count(queue, MemoryQueue::unacked);
    }

    @Override
    public int consumers(String queue) {
        return count(queue, MemoryQueue::consumers);
    }

    @Override
    public List<Sent> deadLetters(String queue) {
        MemoryQueue q = queues.get(Objects.requireNonNull(queue, "queue"));
        return q == null ? List.of() : q.deadLetters();
    }

    @Override
    public void killChannels(String queue) {
        queue(queue).killChannels();
    }

    int prefetch() {
        return prefetch;
    }

    BodyCodec codec() {
        return codec;
    }

    @Override
    public String toString() {
        return "InMemoryBroker[" + name + ", queues " + queues.keySet() + "]";
    }
}

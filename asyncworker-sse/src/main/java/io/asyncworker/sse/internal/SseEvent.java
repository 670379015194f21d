package io.asyncworker.sse.internal;

import io.asyncworker.spi.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An event one {@link SseStream} delivered, as the pipeline sees it: numbered for the stream's
 * {@link ResumeTracker}, current until a requeue makes it one that the reconnect delivers again.
 * Immutable.
 */
final class SseEvent implements Inbound, ResumeTracker.Delivered {
    private final SseStream stream;
    private final long seq;
    private final String type;
    private final String data;
    private final String lastEventId;
    private final Duration retry;
    private final long deliveryCount;

    /** The event's fields are those of {@link EventStreamParser.Listener#onEvent}. */
    SseEvent(SseStream stream, long seq, String type, String data, String lastEventId, Duration retry, long deliveryCount) {
        this.stream = stream;
        this.seq = seq;
        this.type = type;
        this.data = data;
        this.lastEventId = lastEventId;
        this.retry = retry;
        this.deliveryCount = deliveryCount;
    }

    SseStream stream() {
        return stream;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public String lastEventId() {
        return lastEventId;
    }

    String type() {
        return type;
    }

    String data() {
        return data;
    }

    Optional<Duration> retry() {
        return Optional.ofNullable(retry);
    }

    @Override
    public byte[] payload() {
        return data.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long deliveryCount() {
        return deliveryCount;
    }

    /** The delivery count of its position: a retried event comes back by replaying the stream. */
    @Override
    public int attempt() {
        return (int) Math.min(deliveryCount, Integer.MAX_VALUE);
    }

    /** False once a requeue froze its stream before it: the reconnect delivers it again. */
    @Override
    public boolean isCurrent() {
        return !stream.isStale(seq);
    }

    @Override
    public String source() {
        return stream.url();
    }

    @Override
    public Optional<String> id() {
        return Optional.of("id '" + lastEventId + "'");
    }

    @Override
    public String toString() {
        return "SseMessage[" + type + " id=" + lastEventId + " from " + stream.url() + "]";
    }
}

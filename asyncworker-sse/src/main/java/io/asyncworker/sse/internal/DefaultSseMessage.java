package io.asyncworker.sse.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.spi.AbstractMessage;
import io.asyncworker.sse.SseMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** An event delivered by one {@link SseStream}, numbered for its {@link ResumeTracker}. */
final class DefaultSseMessage extends AbstractMessage implements SseMessage, ResumeTracker.Delivered {
    private final SseStream stream;
    private final long seq;
    private final String eventType;
    private final String data;
    private final String lastEventId;
    private final Duration retry;
    private final long deliveryCount;
    private final BodyCodec codec;
    private volatile Object declaredBody;

    /** The event's fields are those of {@link EventStreamParser.Listener#onEvent}. */
    DefaultSseMessage(SseStream stream, long seq, String type, String data, String lastEventId, Duration retry,
                      long deliveryCount, BodyCodec codec) {
        this.stream = stream;
        this.seq = seq;
        this.eventType = type;
        this.data = data;
        this.lastEventId = lastEventId;
        this.retry = retry;
        this.deliveryCount = deliveryCount;
        this.codec = codec;
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

    @Override
    public String event() {
        return eventType;
    }

    @Override
    public Optional<String> id() {
        return lastEventId.isEmpty() ? Optional.empty() : Optional.of(lastEventId);
    }

    @Override
    public String data() {
        return data;
    }

    /**
     * Decodes the data into the route's declared type and keeps it for {@link #body(Class)}.
     *
     * @throws io.asyncworker.DecodeException when the data is not a valid {@code type}
     */
    void decodeDeclared(Class<?> type) {
        declaredBody = body(type);
    }

    @Override
    public <T> T body(Class<T> type) {
        Object declared = declaredBody;
        if (declared != null && type.isInstance(declared)) {
            return type.cast(declared);
        }
        if (type == String.class) {
            return type.cast(data);
        }
        return codec.decode(data.getBytes(StandardCharsets.UTF_8), type);
    }

    @Override
    public Optional<Duration> retry() {
        return Optional.ofNullable(retry);
    }

    @Override
    public String url() {
        return stream.url();
    }

    @Override
    public long deliveryCount() {
        return deliveryCount;
    }

    @Override
    public String toString() {
        return "SseMessage[" + eventType + " id=" + lastEventId + " from " + stream.url() + "]";
    }
}

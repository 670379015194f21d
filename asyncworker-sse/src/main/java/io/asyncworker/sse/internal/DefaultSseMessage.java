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
    private final SseEvent event;
    private final Duration retry;
    private final long deliveryCount;
    private final BodyCodec codec;
    private volatile Object declaredBody;

    DefaultSseMessage(SseStream stream, long seq, SseEvent event, Duration retry, long deliveryCount, BodyCodec codec) {
        this.stream = stream;
        this.seq = seq;
        this.event = event;
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
        return event.lastEventId();
    }

    @Override
    public String event() {
        return event.type();
    }

    @Override
    public Optional<String> id() {
        return event.lastEventId().isEmpty() ? Optional.empty() : Optional.of(event.lastEventId());
    }

    @Override
    public String data() {
        return event.data();
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
            return type.cast(event.data());
        }
        return codec.decode(event.data().getBytes(StandardCharsets.UTF_8), type);
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
        return "SseMessage[" + event.type() + " id=" + event.lastEventId() + " from " + stream.url() + "]";
    }
}

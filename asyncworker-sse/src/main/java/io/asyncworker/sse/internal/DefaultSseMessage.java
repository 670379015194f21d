package io.asyncworker.sse.internal;

import io.asyncworker.spi.MessageControl;
import io.asyncworker.spi.PipelineMessage;
import io.asyncworker.sse.SseMessage;
import java.time.Duration;
import java.util.Optional;

/** The handler's view of an {@link SseEvent}: its fields, and the pipeline's decisions and decoding. */
final class DefaultSseMessage extends PipelineMessage implements SseMessage {
    private final SseEvent event;

    DefaultSseMessage(SseEvent event, MessageControl control) {
        super(event, control);
        this.event = event;
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

    @Override
    public <T> T body(Class<T> type) {
        return type == String.class ? type.cast(event.data()) : super.body(type);
    }

    @Override
    public Optional<Duration> reconnectionTime() {
        return event.retry();
    }

    @Override
    public String url() {
        return event.source();
    }

}

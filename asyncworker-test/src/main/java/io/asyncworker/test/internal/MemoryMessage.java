package io.asyncworker.test.internal;

import io.asyncworker.spi.MessageControl;
import io.asyncworker.spi.PipelineMessage;
import io.asyncworker.test.InMemoryMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The handler's view of a {@link MemoryDelivery}: its accessors, and the pipeline's decisions and decoding. */
final class MemoryMessage extends PipelineMessage implements InMemoryMessage {
    private final MemoryDelivery delivery;

    MemoryMessage(MemoryDelivery delivery, MessageControl control) {
        super(control);
        this.delivery = delivery;
    }

    @Override
    public <T> T body(Class<T> type) {
        return decode(type);
    }

    @Override
    public String bodyAsString() {
        return new String(delivery.payload(), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bodyBytes() {
        return delivery.payload();
    }

    @Override
    public Map<String, Object> headers() {
        return delivery.headers();
    }

    @Override
    public String queue() {
        return delivery.source();
    }

    @Override
    public long deliveryCount() {
        return delivery.deliveryCount();
    }

    @Override
    public boolean redelivered() {
        return delivery.deliveryCount() > 1;
    }

    @Override
    public String toString() {
        return delivery.toString();
    }
}

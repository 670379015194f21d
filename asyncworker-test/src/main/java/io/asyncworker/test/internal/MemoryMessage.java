package io.asyncworker.test.internal;

import io.asyncworker.spi.MessageControl;
import io.asyncworker.spi.PipelineMessage;
import io.asyncworker.test.InMemoryMessage;

/** The handler's view of a {@link MemoryDelivery}: its accessors, and the pipeline's decisions and decoding. */
final class MemoryMessage extends PipelineMessage implements InMemoryMessage {
    private final MemoryDelivery delivery;

    MemoryMessage(MemoryDelivery delivery, MessageControl control) {
        super(delivery, control);
        this.delivery = delivery;
    }

    @Override
    public String queue() {
        return delivery.source();
    }

    @Override
    public boolean redelivered() {
        return delivery.deliveryCount() > 1;
    }
}

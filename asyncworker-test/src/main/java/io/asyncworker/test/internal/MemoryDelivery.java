package io.asyncworker.test.internal;

import io.asyncworker.spi.Inbound;
import java.util.Map;
import java.util.Optional;

/**
 * One delivery of a stored message to a consumer, as the pipeline sees it: current while the channel
 * it went out on lives. Immutable apart from that channel's liveness.
 */
final class MemoryDelivery implements Inbound {
    private final StoredMessage message;
    private final Subscription subscription;
    private final Subscription.Channel channel;
    private final long count;

    MemoryDelivery(StoredMessage message, Subscription subscription, Subscription.Channel channel, long count) {
        this.message = message;
        this.subscription = subscription;
        this.channel = channel;
        this.count = count;
    }

    StoredMessage message() {
        return message;
    }

    Subscription subscription() {
        return subscription;
    }

    Subscription.Channel channel() {
        return channel;
    }

    @Override
    public byte[] payload() {
        return message.body();
    }

    @Override
    public Map<String, Object> headers() {
        return message.headers();
    }

    @Override
    public long deliveryCount() {
        return count;
    }

    @Override
    public boolean isCurrent() {
        return channel.isOpen();
    }

    @Override
    public String source() {
        return message.queue();
    }

    @Override
    public Optional<String> id() {
        return Optional.of("#" + message.seq());
    }

    @Override
    public String toString() {
        return message + ", delivery " + count;
    }
}

package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import io.asyncworker.rabbitmq.PublishException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publishing channel, in confirm mode unless confirms are off. Each publish gets a future
 * keyed by its sequence number; broker acks complete them, nacks and returns fail them, the
 * channel's death fails every pending one.
 *
 * <p>A mandatory message carries the header {@value #SEQ_HEADER} so that its return (which
 * precedes its confirm) can be matched to it exactly.
 *
 * <p>{@link #publish} must be called under the publisher's lock; listeners run on the
 * amqp-client connection thread.
 */
final class PublishChannel {
    static final String SEQ_HEADER = "x-asyncworker-publish-seq";
    private static final Logger LOG = LoggerFactory.getLogger(PublishChannel.class);

    private record Pending(String exchange, String routingKey, CompletableFuture<Void> future, String[] returned) {
    }

    private final Channel channel;
    private final boolean confirms;
    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();

    PublishChannel(Channel channel, boolean confirms) throws IOException {
        this.channel = channel;
        this.confirms = confirms;
        if (confirms) {
            channel.confirmSelect();
            channel.addConfirmListener((tag, multiple) -> confirmed(tag, multiple, null),
                    (tag, multiple) -> confirmed(tag, multiple, "the broker nacked it"));
        }
        channel.addReturnListener(this::returned);
        channel.addShutdownListener(this::closed);
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    CompletableFuture<Void> publish(String exchange, String routingKey, byte[] body, AMQP.BasicProperties props,
                                    boolean mandatory) throws IOException {
        if (!confirms) {
            channel.basicPublish(exchange, routingKey, mandatory, props, body);
            return CompletableFuture.completedFuture(null);
        }
        long seq = channel.getNextPublishSeqNo();
        AMQP.BasicProperties sent = mandatory
                ? props.builder().headers(Publisher.withHeader(props.getHeaders(), SEQ_HEADER, seq)).build() : props;
        Pending p = new Pending(exchange, routingKey, new CompletableFuture<>(), new String[1]);
        pending.put(seq, p);
        try {
            channel.basicPublish(exchange, routingKey, mandatory, sent, body);
        } catch (IOException | RuntimeException e) {
            pending.remove(seq);
            throw e;
        }
        return p.future();
    }

    private void confirmed(long tag, boolean multiple, String nackReason) {
        Map<Long, Pending> done = multiple ? pending.headMap(tag, true) : pending.subMap(tag, true, tag, true);
        for (var it = done.entrySet().iterator(); it.hasNext(); ) {
            Pending p = it.next().getValue();
            it.remove();
            String failure = nackReason != null ? nackReason : p.returned()[0];
            if (failure == null) {
                p.future().complete(null);
            } else {
                p.future().completeExceptionally(new PublishException(p.exchange(), p.routingKey(), failure, null));
            }
        }
    }

    private void returned(Return r) {
        Map<String, Object> headers = r.getProperties().getHeaders();
        Object seq = headers == null ? null : headers.get(SEQ_HEADER);
        Pending p = seq instanceof Number n ? pending.get(n.longValue()) : null;
        String reason = "unroutable (" + r.getReplyCode() + " " + r.getReplyText() + ")";
        if (p == null) {
            LOG.warn("message to exchange '{}' with routing key '{}' was returned: {}", r.getExchange(),
                    r.getRoutingKey(), reason);
            return;
        }
        p.returned()[0] = reason;
    }

    private void closed(ShutdownSignalException cause) {
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            Pending p = it.next().getValue();
            it.remove();
            p.future().completeExceptionally(new PublishException(p.exchange(), p.routingKey(),
                    "publishing channel closed before the confirm: " + cause.getMessage(), cause));
        }
    }
}

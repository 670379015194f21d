package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Return;
import java.util.Arrays;

/**
 * One message as it goes on the wire. The body is not copied: callers hand over an array they no
 * longer change.
 */
record Outgoing(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties props, byte[] body) {

    /**
     * Whether a {@code basic.return} may be this message: same exchange, routing key and body
     * (the broker returns the body unchanged; the properties come back re-encoded, so they are
     * not compared).
     */
    boolean matches(Return r) {
        return mandatory && exchange.equals(r.getExchange()) && routingKey.equals(r.getRoutingKey())
                && Arrays.equals(body, r.getBody());
    }

    /** Why the broker returned it, in the user's terms. */
    String unroutable(Return r) {
        String code = " (" + r.getReplyCode() + " " + r.getReplyText() + ")";
        return exchange.isEmpty()
                ? "unroutable: no queue named '" + routingKey + "' exists (the default exchange delivers to the queue"
                        + " the routing key names)" + code
                : "unroutable: exchange '" + exchange + "' routed it to no queue" + code;
    }
}

package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.FleetClaim;
import io.asyncworker.FleetLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A {@link FleetLock} through RabbitMQ, no database: the claim of a due time is a queue of its own,
 * {@code asyncworker.fleet.<schedule>.<due time>}, durable, at most one message, refusing more
 * ({@code x-overflow=reject-publish}), deleted when unused for {@link FleetClaim#keep()}. A replica
 * declares it and, if it is empty, publishes one persistent message with publisher confirms and
 * {@code mandatory}: the broker acks the first claim and nacks every later one, so exactly one
 * replica gets {@code true}, and only once the claim is on disk. A replica that cannot reach the
 * broker gets an exception, never {@code true}. See docs/decisions.md for the argument.
 *
 * <p>Thread-safe: claims may run concurrently, each on a channel of its own over one connection,
 * opened on the first claim and again after it was lost.
 */
public final class AmqpFleetLock implements FleetLock, AutoCloseable {
    static final String PREFIX = "asyncworker.fleet.";
    private final LazyConnection connection;
    private final String connectionName;
    private final Duration confirmTimeout;
    private final String replica;

    /**
     * @param factory        makes a configured connection factory
     * @param connectionName the connection's name at the broker
     * @param confirmTimeout how long a claim waits for the broker's confirm
     */
    public AmqpFleetLock(Supplier<ConnectionFactory> factory, String connectionName, Duration confirmTimeout) {
        this.connection = new LazyConnection(factory, connectionName, "aw-fleet-");
        this.connectionName = connectionName;
        this.confirmTimeout = confirmTimeout;
        this.replica = "pid " + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public boolean tryClaim(FleetClaim claim) throws IOException, TimeoutException, InterruptedException {
        Channel ch = connection.get().createChannel();
        try {
            return claim(ch, claim);
        } finally {
            Topology.closeQuietly(ch);
        }
    }

    private boolean claim(Channel ch, FleetClaim claim) throws IOException, TimeoutException, InterruptedException {
        String queue = queueName(claim);
        ch.confirmSelect();
        AtomicBoolean returned = new AtomicBoolean();
        ch.addReturnListener(r -> returned.set(true));
        if (ch.queueDeclare(queue, true, false, false, arguments(claim)).getMessageCount() > 0) {
            return false;                                   // claimed already: no need to ask
        }
        ch.basicPublish("", queue, true, properties(), body(claim));
        boolean acked = ch.waitForConfirms(confirmTimeout.toMillis());
        if (returned.get()) {                               // unroutable: the queue expired meanwhile
            throw new IOException("claim queue '" + queue + "' was gone when the claim arrived");
        }
        return acked;
    }

    /** The claim's queue name; a long schedule name is replaced by its hash to stay within 255 bytes. */
    static String queueName(FleetClaim claim) {
        String name = PREFIX + claim.schedule() + "." + claim.due();
        if (name.getBytes(StandardCharsets.UTF_8).length <= 255) {
            return name;
        }
        return PREFIX + "sha256-" + sha256(claim.schedule()) + "." + claim.due();
    }

    private static String sha256(String s) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static Map<String, Object> arguments(FleetClaim claim) {
        long keep = Math.min(4_294_967_295L, Math.max(1, claim.keep().toMillis()));
        return Map.of("x-max-length", 1, "x-overflow", "reject-publish", "x-expires", keep);
    }

    private AMQP.BasicProperties properties() {
        return new AMQP.BasicProperties.Builder().deliveryMode(2).messageId(replica).contentType("application/json").build();
    }

    private byte[] body(FleetClaim claim) {
        return ("{\"schedule\":\"" + json(claim.schedule()) + "\",\"due\":\"" + claim.due() + "\",\"replica\":\""
                + json(replica) + "\",\"claimedAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Closes the connection, if open; a later claim opens it again. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RabbitMQ fleet lock on connection '" + connectionName + "'";
    }
}

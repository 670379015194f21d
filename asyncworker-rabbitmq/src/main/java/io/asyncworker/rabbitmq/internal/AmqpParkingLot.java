package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.RetryHeaders;
import io.asyncworker.spi.Checks;
import io.asyncworker.spi.ParkingLot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A RabbitMQ parking-lot queue as a {@link ParkingLot}: each call opens its own connection with the
 * route's connection settings and closes it before returning. A lot that was never declared (the
 * worker never started) counts as empty. Called from one thread at a time.
 */
final class AmqpParkingLot implements ParkingLot {
    /** The longest body preview {@link #list} shows. */
    static final int PREVIEW = 200;
    private static final List<String> SHOWN = List.of(RetryHeaders.ROUTE, RetryHeaders.QUEUE, RetryHeaders.EXCEPTION,
            RetryHeaders.EXCEPTION_MESSAGE, RetryHeaders.ATTEMPTS, RetryHeaders.FIRST_FAILURE, RetryHeaders.LAST_FAILURE,
            RetryHeaders.EXCHANGE, RetryHeaders.ROUTING_KEY);

    private final String route;
    private final String lot;
    private final Optional<String> source;
    private final AmqpConnection connection;
    private final Supplier<Instant> clock;

    /**
     * @param source the queue whose own lot it is; empty for a lot shared by several queues, whose
     *               messages name their queue in a header
     */
    AmqpParkingLot(String route, String lot, Optional<String> source, AmqpConnection connection, Supplier<Instant> clock) {
        this.route = route;
        this.lot = lot;
        this.source = source;
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public String name() {
        return lot;
    }

    @Override
    public String destination() {
        return source.map(q -> "queue " + q).orElse("the queue each message names in " + RetryHeaders.QUEUE);
    }

    @Override
    public long count() {
        return withChannel(ch -> exists(ch) ? ch.queueDeclarePassive(lot).getMessageCount() : 0L);
    }

    @Override
    public List<ParkedMessage> list(int limit) {
        Checks.atLeast("limit", limit, 1);
        return withChannel(ch -> {
            List<ParkedMessage> out = new ArrayList<>();
            if (!exists(ch)) {
                return out;
            }
            GetResponse r;
            long last = -1;
            while (out.size() < limit && (r = ch.basicGet(lot, false)) != null) {
                out.add(parked(r, out.size() + 1));
                last = r.getEnvelope().getDeliveryTag();
            }
            if (last >= 0) {
                ch.basicNack(last, true, true); // back where they were, in order
            }
            return out;
        });
    }

    @Override
    public long replay(long limit, Consumer<String> progress) {
        Checks.atLeast("limit", (int) Math.min(limit, Integer.MAX_VALUE), 1);
        return new Replay(this, connection, clock, progress).run(limit);
    }

    @Override
    public long purge(long limit) {
        Checks.atLeast("limit", (int) Math.min(limit, Integer.MAX_VALUE), 1);
        return withChannel(ch -> {
            if (!exists(ch)) {
                return 0L;
            }
            if (limit == Long.MAX_VALUE) {
                return (long) ch.queuePurge(lot).getMessageCount();
            }
            long purged = 0;
            while (purged < limit && ch.basicGet(lot, true) != null) {
                purged++;
            }
            return purged;
        });
    }

    /** Where a parked message goes back to: the queue its header names, else the lot's own queue. */
    Optional<String> destinationOf(Map<String, Object> headers) {
        Object named = headers == null ? null : headers.get(RetryHeaders.QUEUE);
        return named != null ? Optional.of(named.toString()) : source;
    }

    private ParkedMessage parked(GetResponse r, int position) {
        Map<String, Object> headers = r.getProps().getHeaders() == null ? Map.of() : r.getProps().getHeaders();
        Map<String, String> details = new LinkedHashMap<>();
        for (String name : SHOWN) {
            Object value = headers.get(name);
            if (value != null) {
                details.put(name.substring("x-asyncworker-".length()), text(value));
            }
        }
        String id = r.getProps().getMessageId() != null ? r.getProps().getMessageId() : "#" + position;
        String body = new String(r.getBody(), StandardCharsets.UTF_8);
        return new ParkedMessage(id, details, body.length() <= PREVIEW ? body : body.substring(0, PREVIEW) + "…");
    }

    private static String text(Object value) {
        return value instanceof LongString ls ? ls.toString() : String.valueOf(value);
    }

    /** Whether the lot exists, asked on a channel of its own (a failed passive declare closes its channel). */
    private boolean exists(Channel ch) throws IOException {
        try (Channel probe = ch.getConnection().createChannel()) {
            probe.queueDeclarePassive(lot);
            return true;
        } catch (IOException e) {
            if (Topology.reason(e).contains("NOT_FOUND")) {
                return false;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    String lot() {
        return lot;
    }

    /** Work on one channel of a new connection. */
    interface ChannelWork<T> {
        T run(Channel ch) throws IOException;
    }

    private <T> T withChannel(ChannelWork<T> work) {
        try (Connection c = connection.connectionFactory().newConnection(connection.name() + "-parking-lot");
             Channel ch = c.createChannel()) {
            return work.run(ch);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("parking lot '" + lot + "' on " + connection.address() + ": " + Topology.reason(e), e);
        }
    }
}

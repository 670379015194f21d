package io.asyncworker.rabbitmq;

import io.asyncworker.rabbitmq.internal.Names;
import io.asyncworker.rabbitmq.internal.QueueArguments;
import io.asyncworker.spi.Checks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a queue is declared: its type (classic, quorum, stream), durability, and its options —
 * dead-lettering, TTLs, length limits, single active consumer, priorities — as named options, with
 * {@link #argument(String, Object)} for anything else. Used by {@link AmqpTopology} (any queue,
 * also output and dead-letter queues) and by {@link AmqpRouteBuilder#declare(QueueDeclaration)}
 * (the queues a route consumes).
 *
 * <pre>{@code
 * QueueDeclaration.quorum().deadLetterExchange("orders.dlx").deliveryLimit(5);
 * QueueDeclaration.classic().messageTtl(Duration.ofMinutes(10)).maxLength(100_000).overflow(Overflow.REJECT_PUBLISH);
 * QueueDeclaration.stream().maxAge(Duration.ofDays(7));
 * }</pre>
 *
 * <p>Each option checks at once that the queue type takes it (RabbitMQ refuses, for example,
 * priorities on quorum queues and dead-lettering on streams) and throws
 * {@link IllegalArgumentException} naming it. An immutable value: every method returns a new
 * declaration. Thread-safe.
 */
public final class QueueDeclaration {
    /** What happens when a queue with a length limit is full ({@code x-overflow}). */
    public enum Overflow {
        /** Drop (or dead-letter) the oldest message; RabbitMQ's default. */
        DROP_HEAD,
        /** Refuse new messages (a publisher with confirms gets a nack). */
        REJECT_PUBLISH,
        /** Refuse new messages and dead-letter them; classic queues only. */
        REJECT_PUBLISH_DLX;

        String argument() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final boolean durable;
    private final Map<String, Object> arguments;

    private QueueDeclaration(boolean durable, Map<String, Object> arguments) {
        QueueArguments.check(typeOf(arguments), durable, arguments);
        this.durable = durable;
        this.arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    private static String typeOf(Map<String, Object> arguments) {
        return String.valueOf(arguments.getOrDefault("x-queue-type", "classic"));
    }

    /** {@return a durable classic queue} */
    public static QueueDeclaration durable() {
        return new QueueDeclaration(true, Map.of());
    }

    /** {@return a durable classic queue; the same as {@link #durable()}} */
    public static QueueDeclaration classic() {
        return durable();
    }

    /** {@return a durable quorum queue ({@code x-queue-type=quorum}): replicated, counts deliveries itself} */
    public static QueueDeclaration quorum() {
        return durable().argument("x-queue-type", "quorum");
    }

    /**
     * {@return a stream ({@code x-queue-type=stream}): an append-only replicated log} Consumers of this
     * framework read it from its next message on; retention is {@link #maxAge(Duration)} and
     * {@link #maxLengthBytes(long)}.
     */
    public static QueueDeclaration stream() {
        return durable().argument("x-queue-type", "stream");
    }

    /** {@return a non-durable classic queue, gone when the broker restarts} */
    public static QueueDeclaration transientQueue() {
        return new QueueDeclaration(false, Map.of());
    }

    /**
     * Rejected and expired messages go to this exchange ({@code x-dead-letter-exchange}; {@code ""} is the default exchange).
     *
     * @param exchange the dead-letter exchange's name
     * @return a new declaration with this option
     */
    public QueueDeclaration deadLetterExchange(String exchange) {
        return named("x-dead-letter-exchange", Objects.requireNonNull(exchange, "deadLetterExchange"));
    }

    /**
     * Dead-lettered messages get this routing key ({@code x-dead-letter-routing-key}); needs a dead-letter exchange.
     *
     * @param routingKey the routing key
     * @return a new declaration with this option
     */
    public QueueDeclaration deadLetterRoutingKey(String routingKey) {
        return named("x-dead-letter-routing-key", Objects.requireNonNull(routingKey, "deadLetterRoutingKey"));
    }

    /**
     * Messages older than this are dropped or dead-lettered ({@code x-message-ttl}); 0 ms to 2^32 - 1 ms.
     *
     * @param ttl the time to live
     * @return a new declaration with this option
     */
    public QueueDeclaration messageTtl(Duration ttl) {
        return named("x-message-ttl", QueueArguments.millis("messageTtl", ttl, 0));
    }

    /**
     * The queue is deleted after being unused this long ({@code x-expires}); 1 ms to 2^32 - 1 ms.
     *
     * @param unused how long unused
     * @return a new declaration with this option
     */
    public QueueDeclaration expires(Duration unused) {
        return named("x-expires", QueueArguments.millis("expires", unused, 1));
    }

    /**
     * At most this many ready messages ({@code x-max-length}); zero or more. See {@link #overflow(Overflow)}.
     *
     * @param messages the most ready messages
     * @return a new declaration with this option
     */
    public QueueDeclaration maxLength(long messages) {
        return named("x-max-length", notNegative("maxLength", messages));
    }

    /**
     * At most this many bytes of ready message bodies ({@code x-max-length-bytes}); a stream's retention.
     *
     * @param bytes the most bytes
     * @return a new declaration with this option
     */
    public QueueDeclaration maxLengthBytes(long bytes) {
        return named("x-max-length-bytes", notNegative("maxLengthBytes", bytes));
    }

    /**
     * What a full queue does ({@code x-overflow}); default {@link Overflow#DROP_HEAD}.
     *
     * @param overflow the behaviour when full
     * @return a new declaration with this option
     */
    public QueueDeclaration overflow(Overflow overflow) {
        return named("x-overflow", Objects.requireNonNull(overflow, "overflow").argument());
    }

    /**
     * Only one consumer gets messages at a time; the others take over in turn ({@code x-single-active-consumer}).
     *
     * @return a new declaration with this option
     */
    public QueueDeclaration singleActiveConsumer() {
        return named("x-single-active-consumer", true);
    }

    /**
     * A priority queue with priorities 0 to {@code max} ({@code x-max-priority}); 1 to 255, classic queues only.
     *
     * @param max the highest priority
     * @return a new declaration with this option
     */
    public QueueDeclaration maxPriority(int max) {
        return named("x-max-priority", Checks.between("maxPriority", max, 1, 255));
    }

    /**
     * A message redelivered more often is dropped or dead-lettered ({@code x-delivery-limit}); quorum queues only.
     *
     * @param deliveries the most redeliveries, zero or more
     * @return a new declaration with this option
     */
    public QueueDeclaration deliveryLimit(int deliveries) {
        return named("x-delivery-limit", (int) notNegative("deliveryLimit", deliveries));
    }

    /**
     * A stream keeps messages this long ({@code x-max-age}), whole seconds, at least one; streams only.
     *
     * @param age how long messages are kept
     * @return a new declaration with this option
     */
    public QueueDeclaration maxAge(Duration age) {
        Objects.requireNonNull(age, "maxAge");
        if (age.toSeconds() < 1 || age.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("maxAge must be whole seconds, at least 1 s, got " + age);
        }
        return named("x-max-age", age.toSeconds() + "s");
    }

    /**
     * Adds any other queue argument, e.g. {@code x-queue-leader-locator}; prefer the named options,
     * whose values are checked.
     *
     * @param name the name
     * @param value the argument's value
     * @return a copy of this queue declaration with the change
     * @throws IllegalArgumentException when the name is blank
     */
    public QueueDeclaration argument(String name, Object value) {
        return named(name, value);
    }

    private QueueDeclaration named(String name, Object value) {
        return new QueueDeclaration(durable, Names.withArgument("declare", arguments, name, value));
    }

    private static long notNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(option + " must be zero or more, got " + value);
        }
        return value;
    }

    /** {@return whether the queue survives a broker restart} */
    public boolean isDurable() {
        return durable;
    }

    /**
     * {@code classic}, {@code quorum} or {@code stream}.
     *
     * @return the queue type: {@code classic}, {@code quorum} or {@code stream}
     */
    public String type() {
        return typeOf(arguments);
    }

    /** {@return whether this declares a quorum queue} */
    public boolean isQuorum() {
        return type().equals("quorum");
    }

    /** {@return the dead-letter exchange, if any} */
    public Optional<String> deadLetterExchange() {
        return Optional.ofNullable((String) arguments.get("x-dead-letter-exchange"));
    }

    /** {@return the queue arguments as sent to the broker, in the order set; unmodifiable} */
    public Map<String, Object> arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueDeclaration d && d.durable == durable && d.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(durable) * 31 + arguments.hashCode();
    }

    @Override
    public String toString() {
        return (durable ? "durable" : "transient") + (arguments.isEmpty() ? "" : " " + arguments);
    }
}

package io.asyncworker.rabbitmq.internal;

import java.util.Map;
import java.util.Set;

/**
 * Which queue types take which of the named {@code QueueDeclaration} options, as RabbitMQ 3.10+
 * accepts them, so that a declaration the broker would refuse fails where it is written.
 */
public final class QueueArguments {
    /** The queue types, as {@code x-queue-type} names them. */
    public static final Set<String> TYPES = Set.of("classic", "quorum", "stream");

    private record Rule(String option, Set<String> types) {
    }

    private static final Set<String> CLASSIC_QUORUM = Set.of("classic", "quorum");
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("x-dead-letter-exchange", new Rule("deadLetterExchange", CLASSIC_QUORUM)),
            Map.entry("x-dead-letter-routing-key", new Rule("deadLetterRoutingKey", CLASSIC_QUORUM)),
            Map.entry("x-message-ttl", new Rule("messageTtl", CLASSIC_QUORUM)),
            Map.entry("x-expires", new Rule("expires", CLASSIC_QUORUM)),
            Map.entry("x-max-length", new Rule("maxLength", CLASSIC_QUORUM)),
            Map.entry("x-max-length-bytes", new Rule("maxLengthBytes", TYPES)),
            Map.entry("x-overflow", new Rule("overflow", CLASSIC_QUORUM)),
            Map.entry("x-single-active-consumer", new Rule("singleActiveConsumer", CLASSIC_QUORUM)),
            Map.entry("x-max-priority", new Rule("maxPriority", Set.of("classic"))),
            Map.entry("x-delivery-limit", new Rule("deliveryLimit", Set.of("quorum"))),
            Map.entry("x-max-age", new Rule("maxAge", Set.of("stream"))));

    private QueueArguments() {
    }

    /**
     * Checks a declaration's arguments against its type.
     *
     * @throws IllegalArgumentException naming the option the type does not take
     */
    public static void check(String type, boolean durable, Map<String, Object> arguments) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("x-queue-type must be classic, quorum or stream, got '" + type + "'");
        }
        if (!durable && !type.equals("classic")) {
            throw new IllegalArgumentException(type + " queues are always durable: use " + type + "() without transientQueue()");
        }
        for (String name : arguments.keySet()) {
            Rule rule = RULES.get(name);
            if (rule != null && !rule.types().contains(type)) {
                throw new IllegalArgumentException(rule.option() + " (" + name + ") is not supported by " + type
                        + " queues; RabbitMQ refuses it there");
            }
        }
        if ("quorum".equals(type) && "reject-publish-dlx".equals(arguments.get("x-overflow"))) {
            throw new IllegalArgumentException("overflow REJECT_PUBLISH_DLX is not supported by quorum queues");
        }
    }

    /**
     * Checks what only the whole declaration can tell: a dead-letter routing key needs a
     * dead-letter exchange.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static void checkComplete(Map<String, Object> arguments) {
        if (arguments.containsKey("x-dead-letter-routing-key") && !arguments.containsKey("x-dead-letter-exchange")) {
            throw new IllegalArgumentException("deadLetterRoutingKey needs a deadLetterExchange (\"\" for the default exchange)");
        }
    }

    /** Milliseconds within RabbitMQ's limit for TTLs and expiries (2^32 - 1). */
    public static long millis(String option, java.time.Duration d, long min) {
        java.util.Objects.requireNonNull(d, option);
        if (d.isNegative() || d.toMillis() < min || d.toMillis() > 4_294_967_295L) {
            throw new IllegalArgumentException(option + " must be within " + min + " ms..4294967295 ms, got " + d);
        }
        return d.toMillis();
    }
}

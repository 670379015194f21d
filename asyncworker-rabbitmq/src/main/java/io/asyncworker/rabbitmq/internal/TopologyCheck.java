package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.rabbitmq.Exchange;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check}'s comparison of declared queues and exchanges with the broker's, without the HTTP
 * management API: a passive declare tells whether it exists (a missing one is no problem, the start
 * creates it); then the declaration is sent on a throw-away channel. When the broker refuses it with
 * {@code PRECONDITION_FAILED - inequivalent arg 'k' ...: received x but current is y}, that is one
 * difference; the declaration is sent again with the broker's value for {@code k}, until the broker
 * accepts it. So every difference the broker would object to is found, each exactly as the broker
 * sees it, and nothing is changed: a declaration equivalent to what exists is a no-op.
 *
 * <p>Stateless; every declaration uses a channel of its own.
 */
final class TopologyCheck {
    /** More differences than a queue has comparable arguments means something else is wrong. */
    private static final int MAX_ROUNDS = 32;

    private TopologyCheck() {
    }

    /** What is declared of one queue or exchange: flags and arguments, editable for the next round. */
    private record Declared(String kind, String name, Map<String, Object> flags, Map<String, Object> args) {
        static Declared of(Exchange e) {
            Map<String, Object> flags = new LinkedHashMap<>(Map.of("type", e.type(), "durable", e.isDurable(),
                    "auto_delete", e.isAutoDelete(), "internal", e.isInternal()));
            return new Declared("exchange", e.name(), flags, new LinkedHashMap<>(e.arguments()));
        }

        static Declared of(String queue, QueueDeclaration q) {
            Map<String, Object> flags = new LinkedHashMap<>(Map.of("durable", q.isDurable(), "auto_delete", false));
            return new Declared("queue", queue, flags, new LinkedHashMap<>(q.arguments()));
        }

        /** The same declaration with the broker's value for the mismatched key. */
        Declared adopt(Mismatch m) {
            Map<String, Object> newFlags = new LinkedHashMap<>(flags);
            Map<String, Object> newArgs = new LinkedHashMap<>(args);
            Map<String, Object> target = flags.containsKey(m.key()) ? newFlags : newArgs;
            if (m.currentIsNone()) {
                target.remove(m.key());
            } else {
                target.put(m.key(), m.currentValue(target.get(m.key())));
            }
            return new Declared(kind, name, newFlags, newArgs);
        }

        void declare(Channel ch) throws IOException {
            if (kind.equals("queue")) {
                ch.queueDeclare(name, (Boolean) flags.get("durable"), false, (Boolean) flags.get("auto_delete"), args);
            } else {
                ch.exchangeDeclare(name, (String) flags.get("type"), (Boolean) flags.get("durable"),
                        (Boolean) flags.get("auto_delete"), (Boolean) flags.get("internal"), args);
            }
        }

        void passive(Channel ch) throws IOException {
            if (kind.equals("queue")) {
                ch.queueDeclarePassive(name);
            } else {
                ch.exchangeDeclarePassive(name);
            }
        }
    }

    @FunctionalInterface
    private interface ChannelCall {
        void run(Channel ch) throws IOException;
    }

    /**
     * Compares every exchange and queue of the topology with the broker; bindings cannot be read
     * without the management API and are not compared.
     *
     * @param where the broker, for the messages
     * @return one line per difference or problem, empty when all match
     */
    static List<String> compare(Connection connection, AmqpTopology topology, String where) {
        List<String> problems = new ArrayList<>();
        topology.exchanges().forEach(e -> problems.addAll(compare(connection, Declared.of(e), where)));
        topology.queues().forEach((q, d) -> problems.addAll(compare(connection, Declared.of(q, d), where)));
        return problems;
    }

    private static List<String> compare(Connection connection, Declared first, String where) {
        Declared declared = first;
        String what = first.kind() + " '" + first.name() + "'";
        Optional<String> missing = call(connection, first::passive);
        if (missing.isPresent()) {
            return missing.get().contains("NOT_FOUND") ? List.of() : List.of("cannot check " + what + " on " + where + ": " + missing.get());
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<String> refusal = call(connection, declared::declare);  // declared changes per round
            if (refusal.isEmpty()) {
                return problems;
            }
            Optional<Mismatch> m = Mismatch.parse(refusal.get());
            if (m.isEmpty() || !seen.add(m.get().key())) {
                if (problems.isEmpty()) {
                    problems.add("cannot check " + what + " on " + where + ": " + refusal.get());
                }
                return problems;
            }
            problems.add(describe(what, where, m.get()));
            declared = declared.adopt(m.get());
        }
        return problems;
    }

    private static String describe(String what, String where, Mismatch m) {
        return what + " on " + where + " differs from its declaration: " + m.key() + " is "
                + Mismatch.readable(m.current()) + " on the broker but declared " + Mismatch.readable(m.declared())
                + "; run would fail with PRECONDITION_FAILED (delete it or change the declaration)";
    }

    /** Runs one call on a throw-away channel: empty when it succeeded, else the broker's reason. */
    private static Optional<String> call(Connection connection, ChannelCall call) {
        Channel ch = null;
        try {
            ch = connection.createChannel();
            call.run(ch);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(Topology.replyText(e));
        } finally {
            if (ch != null) {
                Topology.closeQuietly(ch);
            }
        }
    }
}

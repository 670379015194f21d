package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.asyncworker.Route;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.spi.BackendContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code asyncworker check} for RabbitMQ: connects once per connection in use, checks with a
 * passive declare that each queue a route consumes exists unless something declares it, and
 * compares every declared queue and exchange with the broker's ({@link TopologyCheck}). Creates
 * nothing, consumes nothing.
 */
final class BrokerProbe {
    private BrokerProbe() {
    }

    static List<String> check(BackendContext context) {
        List<String> problems = new ArrayList<>();
        Map<AmqpConnection, Connection> open = new IdentityHashMap<>();
        try {
            Map<AmqpConnection, AmqpTopology> declared = Declarations.of(context);
            for (Route r : context.routes()) {
                AmqpRoute route = RouteConnections.amqp(r);
                AmqpConnection config = RouteConnections.resolve(route, context.connections());
                Connection conn = connect(config, open, problems);
                if (conn != null) {
                    route.queues().stream().filter(q -> !declared.get(config).queues().containsKey(q))
                            .forEach(q -> probe(conn, route, q, config).ifPresent(problems::add));
                }
            }
            declared.forEach((config, topology) -> compare(config, topology, open, problems));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        } finally {
            open.values().forEach(BrokerProbe::closeQuietly);
        }
        return problems;
    }

    private static void compare(AmqpConnection config, AmqpTopology topology, Map<AmqpConnection, Connection> open,
                                List<String> problems) {
        if (topology.isEmpty()) {
            return;
        }
        Connection conn = connect(config, open, problems);
        if (conn != null) {
            problems.addAll(TopologyCheck.compare(conn, topology, config.address()));
        }
    }

    private static Connection connect(AmqpConnection config, Map<AmqpConnection, Connection> open, List<String> problems) {
        if (open.containsKey(config)) {
            return open.get(config);
        }
        Connection conn = null;
        try {
            conn = config.connectionFactory().newConnection(config.name() + "-check");
        } catch (IOException | TimeoutException e) {
            problems.add("cannot connect to RabbitMQ at " + config.address() + " (connection '" + config.name() + "'): " + e);
        }
        open.put(config, conn);
        return conn;
    }

    private static java.util.Optional<String> probe(Connection conn, AmqpRoute route, String queue, AmqpConnection config) {
        try {
            Channel ch = conn.createChannel();
            try {
                ch.queueDeclarePassive(queue);
                return java.util.Optional.empty();
            } finally {
                Topology.closeQuietly(ch);
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.of(Topology.explain(route.name(), queue, config, e));
        }
    }

    private static void closeQuietly(Connection conn) {
        if (conn == null) {
            return;
        }
        try {
            conn.close(5000);
        } catch (IOException | RuntimeException e) {
            // the probe is over either way
        }
    }
}

package io.asyncworker.examples;

import com.rabbitmq.client.Connection;
import io.asyncworker.rabbitmq.AmqpConnection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * Which broker an example talks to: RabbitMQ, or one that is not (in dev mode, the embedded AMQP
 * 0-9-1 broker that starts when no RabbitMQ answers). An example whose feature needs RabbitMQ says so
 * at start, in one line, instead of pretending. Called from startup hooks, before any consumer starts.
 */
final class BrokerKind {

    /** Something done with a short-lived setup connection. */
    @FunctionalInterface
    interface Setup<T> {
        T apply(Connection connection) throws IOException;
    }

    private BrokerKind() {
    }

    /**
     * Runs {@code setup} on a connection of its own, closed after.
     *
     * @throws IllegalStateException naming the broker when that fails
     */
    static <T> T withConnection(AmqpConnection rabbit, String what, Setup<T> setup) {
        try (Connection connection = rabbit.connectionFactory().newConnection("asyncworker-example-setup")) {
            return setup.apply(connection);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot " + what + " on " + rabbit.address() + ": " + e, e);
        }
    }

    /** An example that cannot run on this broker; the message says everything, a stack trace would add nothing. */
    static final class NotRabbitMqException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRabbitMqException(String message) {
            super(message, null, false, false);
        }
    }

    /** The broker's product and version from the AMQP handshake, e.g. "RabbitMQ 3.10.8". */
    static String product(AmqpConnection rabbit) {
        return withConnection(rabbit, "ask which broker answers", c -> describe(c.getServerProperties()));
    }

    /** Product and version; a broker whose jar lost its manifest (shaded) says its instance name instead. */
    static String describe(Map<String, Object> server) {
        String product = String.valueOf(server.getOrDefault("product", "unknown"));
        String version = String.valueOf(server.getOrDefault("version", ""));
        if (product.equals("unknown")) {
            product = String.valueOf(server.getOrDefault("qpid.instance_name", "an unnamed AMQP broker"));
        }
        return version.contains("${") ? product : (product + " " + version).trim();
    }

    /**
     * Fails the start, in one line, when the broker is not RabbitMQ.
     *
     * @param feature what the example needs of RabbitMQ, e.g. "dead-lettering (x-dead-letter-exchange)"
     */
    static void requireRabbitMq(AmqpConnection rabbit, String example, String feature) {
        String product = product(rabbit);
        if (!product.startsWith("RabbitMQ")) {
            throw new NotRabbitMqException(example + " needs a real RabbitMQ for " + feature + "; " + product
                    + " at " + rabbit.address() + " is not RabbitMQ. Start RabbitMQ on 127.0.0.1:5672 or set "
                    + "ASYNCWORKER_AMQP_URL");
        }
    }

    /** Logs one warning line when the broker is not RabbitMQ: what of the example does not work on it. */
    static void warnUnlessRabbitMq(AmqpConnection rabbit, Logger log, String example, String limit) {
        String product = product(rabbit);
        if (!product.startsWith("RabbitMQ")) {
            log.warn("{} on {} (not RabbitMQ): {}; for that, run it on RabbitMQ", example, product, limit);
        }
    }
}

package io.asyncworker.test.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connection of the test's own to one vhost, apart from the code under test: each operation on a
 * fresh channel, so that a channel error (a missing queue) costs nothing. Opened at the first use,
 * reopened after a fault injection closed it. Thread-safe.
 */
final class AdminChannel implements AutoCloseable {
    private final String url;
    private Connection connection;

    AdminChannel(String url) {
        this.url = url;
    }

    /** Work on a channel. */
    interface Work<T> {
        T run(Channel channel) throws IOException, InterruptedException, java.util.concurrent.TimeoutException;
    }

    <T> T with(Work<T> work) {
        try (Channel ch = channel()) {
            return work.run(ch);
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            throw new IllegalStateException("the test's admin channel to " + redacted() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized Channel channel() throws IOException, java.util.concurrent.TimeoutException {
        if (connection == null || !connection.isOpen()) {
            ConnectionFactory f = new ConnectionFactory();
            try {
                f.setUri(url);
            } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("bad broker URL " + redacted(), e);
            }
            f.setAutomaticRecoveryEnabled(false);
            connection = f.newConnection("asyncworker-test-admin");
        }
        return connection.createChannel();
    }

    void declare(String queue) {
        with(ch -> ch.queueDeclare(queue, true, false, false, Map.of()));
    }

    void publish(String queue, String body) {
        boolean returned = with(ch -> {
            java.util.concurrent.atomic.AtomicBoolean unroutable = new java.util.concurrent.atomic.AtomicBoolean();
            ch.addReturnListener(r -> unroutable.set(true));   // runs before the confirm is processed
            ch.confirmSelect();
            ch.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    body.getBytes(StandardCharsets.UTF_8));
            ch.waitForConfirmsOrDie(30_000);
            return unroutable.get();
        });
        if (returned) {
            throw new IllegalStateException("cannot publish to queue '" + queue + "': it does not exist in " + redacted());
        }
    }

    AMQP.Queue.DeclareOk passive(String queue) {
        return with(ch -> ch.queueDeclarePassive(queue));
    }

    List<String> take(String queue) {
        return with(ch -> {
            List<String> bodies = new ArrayList<>();
            for (GetResponse r = ch.basicGet(queue, true); r != null; r = ch.basicGet(queue, true)) {
                bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
            }
            return bodies;
        });
    }

    void delete(String queue) {
        with(ch -> ch.queueDelete(queue));
    }

    private String redacted() {
        return url.replaceAll("//[^@/]*@", "//");
    }

    @Override
    public synchronized void close() {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }
}

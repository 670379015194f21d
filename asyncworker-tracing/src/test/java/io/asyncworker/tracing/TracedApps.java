package io.asyncworker.tracing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.App;
import io.asyncworker.Route;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.test.TestBrokers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a tracing test creates, cleaned up after each test: OpenTelemetry with an in-memory exporter
 * ({@link #tracing}), the app (closed), connections, UUID-named queues (deleted) and an admin channel
 * to the test broker, separate from the code under test.
 */
final class TracedApps implements AfterEachCallback {
    final OtelTracing tracing = new OtelTracing();
    private final List<String> queues = new ArrayList<>();
    private final List<AutoCloseable> closeLast = new ArrayList<>();
    private Connection admin;
    private Channel channel;
    private App app;

    /** The admin channel to the test broker. */
    Channel channel() throws Exception {
        if (channel == null) {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri(TestBrokers.amqpUrl());
            admin = f.newConnection("aw-tracing-test-admin");
            channel = admin.createChannel();
        }
        return channel;
    }

    /** A new queue with a unique name, deleted after the test. */
    String queue() throws Exception {
        String q = "aw-test-tracing-" + UUID.randomUUID();
        channel().queueDeclare(q, false, false, false, null);
        queues.add(q);
        return q;
    }

    /** A connection to the test broker, closed after the test. */
    AmqpConnection rabbit() {
        return closedAfter(AmqpConnection.url(TestBrokers.amqpUrl()));
    }

    <T extends AutoCloseable> T closedAfter(T closeable) {
        closeLast.add(closeable);
        return closeable;
    }

    /** Starts a traced app (HTTP on a random port) with the connection and routes. */
    App start(AmqpConnection rabbit, Route... routes) {
        app = App.builder().settings(Settings.from(Map.of("ASYNCWORKER_HTTP_PORT", "0",
                Settings.SHUTDOWN_TIMEOUT.name(), "5s"))).observations(tracing.observations).build();
        app.connection(rabbit);
        for (Route r : routes) {
            app.route(r);
        }
        app.start();
        return app;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (app != null) {
            app.close();
        }
        for (AutoCloseable c : closeLast) {
            c.close();
        }
        for (String q : queues) {
            channel.queueDelete(q);
        }
        if (admin != null) {
            admin.close();
        }
        tracing.close();
    }
}

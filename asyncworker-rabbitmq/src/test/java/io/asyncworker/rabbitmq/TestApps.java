package io.asyncworker.rabbitmq;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a broker test creates, cleaned up after each test: apps (closed), UUID-named queues and
 * their {@code .dlq} (deleted), throw-away vhosts (deleted with everything in them).
 *
 * <pre>{@code
 * @RegisterExtension final TestApps apps = new TestApps();
 * String queue = apps.queue();
 * App app = apps.app();             // 5 s shutdown budget, meters readable in the test
 * }</pre>
 */
final class TestApps implements AfterEachCallback {
    private final List<App> apps = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private final List<Vhost> vhosts = new ArrayList<>();

    /** Deletes these queues too after the test, e.g. delay queues and parking lots. */
    void alsoDelete(String... names) {
        queues.addAll(List.of(names));
    }

    /** A unique queue name, deleted (with its {@code .dlq}) after the test. */
    String queue() {
        String q = TestBroker.uniqueQueue();
        queues.add(q);
        return q;
    }

    /** An app with a 5 s shutdown budget and a simple meter registry. */
    App app() {
        return app(Map.of());
    }

    /** An app with these settings on top of a 5 s shutdown budget. */
    App app(Map<String, String> settings) {
        return track(App.create(settings(settings)));
    }

    /** An app driven by the given timer. */
    App app(TimerService timer) {
        return track(App.builder().settings(settings(Map.of())).timer(timer).build());
    }

    private static Settings settings(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "5s"));
        all.putAll(overrides);
        return Settings.from(all);
    }

    private App track(App app) {
        app.meters().add(new SimpleMeterRegistry());
        apps.add(app);
        return app;
    }

    /** A fresh vhost that guest may use, so that faults hit only this test's connections. */
    Vhost vhost() {
        Vhost v = new Vhost("aw-test-" + UUID.randomUUID());
        vhosts.add(v);
        return v;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        apps.reversed().forEach(App::close);
        for (String q : queues) {
            TestBroker.delete(q, q + ".dlq");
        }
        for (Vhost v : vhosts) {
            v.admin().close();
            TestBroker.deleteVhost(v.name());
        }
    }

    /** A throw-away vhost with its own admin channel. */
    record Vhost(String name, TestBroker.Admin admin) {
        Vhost(String name) {
            this(name, createAndAdmin(name));
        }

        private static TestBroker.Admin createAndAdmin(String name) {
            TestBroker.addVhost(name);
            return TestBroker.admin(name);
        }

        String url() {
            return TestBroker.url(name);
        }

        /** A connection into this vhost with fast reconnects. */
        AmqpConnection.Builder connection() {
            return AmqpConnection.builder().url(url()).reconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(1));
        }

        void declareClassic(String queue) {
            admin.withChannel(ch -> ch.queueDeclare(queue, true, false, false, null));
        }

        /** Persistent messages {@code m<from>..}, body {@code {"id":i}}, confirmed. */
        void publish(String queue, int from, int count) {
            admin.withChannel(ch -> {
                ch.confirmSelect();
                for (int i = from; i < from + count; i++) {
                    ch.basicPublish("", queue, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                            .deliveryMode(2).messageId("m" + i).build(),
                            ("{\"id\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                ch.waitForConfirmsOrDie(60_000);
                return null;
            });
        }

        /** {@code [ready, unacked, consumers]} as the broker reports them. */
        long[] counts(String queue) {
            return TestBroker.brokerCounts(name, queue);
        }

        /** The consumer tags in this vhost. */
        String consumerTags() {
            return TestBroker.rabbitmqctl("-q", "list_consumers", "-p", name, "consumer_tag");
        }

        /** Closes every connection of this vhost, as a broker restart would. */
        void closeAllConnections(String why) {
            TestBroker.rabbitmqctl("-q", "close_all_connections", "-p", name, why);
        }

        /**
         * Makes the broker close every consuming channel of this vhost with a channel error
         * (406 PRECONDITION_FAILED), the connection staying up: the broker's own channel process is
         * handed a {@code basic.ack} for a tag it never delivered, as a buggy client would send.
         * Channels of other vhosts (other tests) are left alone, also those that close meanwhile.
         */
        void failConsumerChannels() {
            String erl = "[rabbit_channel:do(P, {'basic.ack', 999999999, false}) || P <- rabbit_channel:list(), "
                    + "case catch rabbit_channel:info(P, [vhost, consumer_count]) of "
                    + "[{vhost, <<\"" + name + "\">>}, {consumer_count, N}] when N > 0 -> true; _ -> false end].";
            TestBroker.rabbitmqctl("eval", erl);
        }
    }
}

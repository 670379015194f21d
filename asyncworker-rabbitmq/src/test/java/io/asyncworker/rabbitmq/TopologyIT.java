package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import io.asyncworker.App;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection's declared topology: exchanges, queues and bindings made at start, before consumers. */
class TopologyIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String prefix = "aw-test-" + UUID.randomUUID() + ".";
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();

    private String queue(String name) {
        queues.add(prefix + name);
        return prefix + name;
    }

    private String exchange(String name) {
        exchanges.add(prefix + name);
        return prefix + name;
    }

    @AfterEach
    void deleteWhatWasDeclared() {
        queues.forEach(TestBroker::delete);
        exchanges.forEach(x -> TestBroker.withChannel(ch -> ch.exchangeDelete(x)));
    }

    @Test
    void declaresExchangesQueuesAndBindingsBeforeConsumingAndRoutesThroughThem() {
        String orders = exchange("orders");
        String dlx = exchange("orders.dlx");
        String eu = queue("orders.eu");
        String dlq = queue("orders.dlq");
        String invoices = queue("invoices");
        AmqpTopology topology = AmqpTopology.builder()
                .exchange(Exchange.topic(orders)).exchange(Exchange.fanout(dlx))
                .queue(eu, QueueDeclaration.quorum().deadLetterExchange(dlx))
                .queue(dlq, QueueDeclaration.quorum())
                .queue(invoices, QueueDeclaration.quorum())
                .bind(eu, orders, "orders.*.eu").bind(dlq, dlx, "")
                .build();
        AmqpConnection rabbit = TestBroker.connection().declare(topology).build();
        App app = apps.app().connection(rabbit);
        app.route(AmqpRoute.consume(eu).handler(batch -> {
            for (RabbitMQMessage m : batch) {
                if (m.bodyAsString().contains("bad")) {
                    m.reject(false);                                  // dead-lettered through the DLX
                } else {
                    rabbit.publish("", invoices, m.bodyAsString());
                }
            }
        }));
        app.start();

        rabbit.publish(orders, "orders.1.eu", "{\"id\":1}");
        rabbit.publish(orders, "orders.2.eu", "{\"id\":\"bad\"}");
        rabbit.publish(orders, "orders.3.us", "{\"id\":3}");              // matches no binding: dropped
        await().atMost(Duration.ofSeconds(10)).until(() -> TestBroker.messageCount(invoices) == 1
                && TestBroker.messageCount(dlq) == 1);
        assertThat(TestBroker.drain(invoices)).containsExactly("{\"id\":1}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(TestBroker.brokerCounts("/", eu)).as("ready, unacked").startsWith(0, 0));
    }

    @Test
    void aRouteDeclaredQueueCanBeBoundBecauseEverythingIsDeclaredBeforeConsumers() {
        String byRegion = exchange("by-region");
        String eu = queue("eu");
        AmqpTopology topology = AmqpTopology.builder().exchange(Exchange.headers(byRegion))
                .bind(Binding.queue(eu, byRegion, "").whereAll(Map.of("region", "eu"))).build();
        AmqpConnection rabbit = TestBroker.connection().declare(topology).build();
        List<String> seen = new CopyOnWriteArrayList<>();
        App app = apps.app().connection(rabbit);
        app.route(AmqpRoute.consume(eu).declare(QueueDeclaration.classic())
                .handler(batch -> batch.forEach(m -> seen.add(m.bodyAsString()))));
        app.start();

        rabbit.publish(byRegion, "", "for us", PublishOptions.builder().header("region", "us").build());
        rabbit.publish(byRegion, "", "for eu", PublishOptions.builder().header("region", "eu").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("for eu"));
        assertThat(seen).containsExactly("for eu");
    }

    @Test
    void startFailsNamingTheArgumentWhenAQueueExistsWithOtherArguments() {
        String jobs = queue("jobs");
        TestBroker.declare(jobs, Map.of("x-max-length", 10));
        App app = apps.app().connection(TestBroker.connection()
                .declare(AmqpTopology.builder().queue(jobs, QueueDeclaration.quorum()).build()).build());
        app.route(AmqpRoute.consume(jobs).handler(batch -> { }));

        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot declare queue '" + jobs + "'")
                .hasMessageContaining("inequivalent arg 'x-max-length'")
                .hasMessageContaining("asyncworker check");
        assertThat(TestBroker.consumerCount(jobs)).as("nothing consumes it").isZero();
    }

    @Test
    void declaresTheTopologyAgainAfterAReconnectBeforeResubscribing() {
        TestApps.Vhost vhost = apps.vhost();
        AmqpTopology topology = AmqpTopology.builder().queue("in", QueueDeclaration.classic())
                .queue("out", QueueDeclaration.classic()).build();
        App app = apps.app().connection(vhost.connection().declare(topology).build());
        app.route(AmqpRoute.consume("in").handler(batch -> { }));
        app.start();
        vhost.admin().withChannel(ch -> ch.queueDelete("out"));

        vhost.closeAllConnections("fault injected by TopologyIT");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(passive(vhost, "out")).as("declared again, still empty").hasValue(new Counts(0, 0));
            assertThat(passive(vhost, "in")).as("then re-subscribed (messages, consumers)").hasValue(new Counts(0, 1));
        });
    }

    private record Counts(int messages, int consumers) { }

    /**
     * A queue's (messages, consumers), or empty while it is not there (passive declare refused with 404) or the
     * admin connection is being closed by the fault injection: both mean "not yet" for an await, never an error.
     */
    private static Optional<Counts> passive(TestApps.Vhost vhost, String queue) {
        try {
            return Optional.of(vhost.admin().withChannel(ch -> {
                AMQP.Queue.DeclareOk ok = ch.queueDeclarePassive(queue);
                return new Counts(ok.getMessageCount(), ok.getConsumerCount());
            }));
        } catch (IllegalStateException notThereYet) {
            return Optional.empty();
        }
    }

    @Test
    void aConnectionOnlyUsedForPublishingDeclaresAtStartToo() {
        String events = exchange("events");
        String audit = queue("audit");
        AmqpConnection rabbit = TestBroker.connection().declare(AmqpTopology.builder().exchange(Exchange.direct(events))
                .queue(audit, QueueDeclaration.quorum()).bind(audit, events, "audit").build()).build();
        apps.app().connection(rabbit).start();
        rabbit.publish(events, "audit", "logged in", PublishOptions.builder().mandatory(true).build());
        assertThat(TestBroker.drain(audit)).containsExactly("logged in");
    }

    @Test
    void declareNowDeclaresOnItsOwnConnectionAndNamesWhatTheBrokerRefused() {
        String now = queue("made-now");
        AmqpConnection rabbit = TestBroker.connection().build();
        rabbit.declare(AmqpTopology.builder().queue(now, QueueDeclaration.classic().maxLength(5)).build());
        assertThat(TestBroker.messageCount(now)).isZero();

        assertThatThrownBy(() -> rabbit.declare(AmqpTopology.builder().queue(now, QueueDeclaration.classic()).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("queue '" + now + "'").hasMessageContaining("x-max-length");
        assertThatThrownBy(() -> rabbit.declare(AmqpTopology.builder().bind(prefix + "missing", "amq.direct", "k").build()))
                .hasMessageContaining("NOT_FOUND");
    }
}

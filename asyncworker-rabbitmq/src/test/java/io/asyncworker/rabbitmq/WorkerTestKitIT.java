package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.test.RabbitMqTest;
import io.asyncworker.test.TestVhost;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A worker tested as the README's testing section shows: built by its own factory, which reads
 * {@code ASYNCWORKER_*} settings, pointed at the test class's vhost by the test kit.
 */
@RabbitMqTest
class WorkerTestKitIT {
    static final List<String> SAVED = new CopyOnWriteArrayList<>();

    /** The worker under test, as users write it: everything from the environment. */
    static App ordersWorker(String queue) {
        App app = App.create();
        app.connection(AmqpConnection.fromEnv());
        app.route(AmqpRoute.consume(queue).handler(batch -> batch.forEach(m -> SAVED.add(m.bodyAsString()))));
        return app;
    }

    @Test
    void theWorkersOwnFactoryConsumesFromTheClassesVhost(TestVhost vhost) throws Exception {
        String orders = vhost.queue("orders");
        vhost.declareQueue(orders);
        try (App app = vhost.app(() -> ordersWorker(orders))) {
            app.start();
            vhost.publish(orders, "{\"id\":1}");
            await().until(() -> vhost.messageCount(orders) == 0 && SAVED.contains("{\"id\":1}"));
            assertThat(vhost.consumerCount(orders)).isEqualTo(1);
        }
        assertThat(vhost.consumerCount(orders)).as("the app closed its consumer").isZero();
    }

    @Test
    void anInjectedAppPointsAtTheVhost(App app, TestVhost vhost) {
        String queue = vhost.queue("items");
        vhost.declareQueue(queue);
        vhost.publish(queue, "a");
        app.connection(AmqpConnection.from(app.settings()));
        app.route(AmqpRoute.consume(queue).handler(batch -> SAVED.add(batch.get(0).bodyAsString())));
        app.start();

        await().until(() -> vhost.messageCount(queue) == 0 && SAVED.contains("a"));
    }
}

package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A connection with several broker addresses, one of them dead: it connects, and names the node on failure. */
class NodeListIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();

    private static String deadAddress() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "127.0.0.1:" + s.getLocalPort();            // closed again: nothing answers there
        }
    }

    @Test
    void consumesThroughTheNodeThatAnswersAndNamesTheNodeItLost() throws Exception {
        TestApps.Vhost vhost = apps.vhost();
        vhost.declareClassic(queue);
        String live = vhost.connection().build().addresses().getFirst();
        List<ConnectionFailure> failures = new CopyOnWriteArrayList<>();
        List<Integer> plainAttempts = new CopyOnWriteArrayList<>();
        AmqpConnection rabbit = vhost.connection().addresses(deadAddress(), live, deadAddress())
                .connectionFailCallback(ConnectionFailCallback.of(failures::add)).build();
        AmqpConnection plain = vhost.connection().name("plain").addresses(deadAddress(), live)
                .connectionFailCallback((e, attempt) -> plainAttempts.add(attempt)).build();
        List<String> seen = new CopyOnWriteArrayList<>();
        App app = apps.app().connection(rabbit).connection(plain);
        app.route(AmqpRoute.consume(queue).connection(rabbit).handler(batch -> batch.forEach(m -> seen.add(m.bodyAsString()))));
        app.route(AmqpRoute.consume(apps.queue()).connection(plain).declare(QueueDeclaration.transientQueue())
                .handler(batch -> { }));
        app.start();
        vhost.publish(queue, 0, 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);

        vhost.closeAllConnections("fault injected by NodeListIT");
        await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty() && !plainAttempts.isEmpty());
        assertThat(failures.getFirst().node()).as("the node the connection was on").contains(live);
        assertThat(failures.getFirst().connection()).isEqualTo("default");
        assertThat(failures.getFirst().attempt()).isEqualTo(1);
        assertThat(plainAttempts.getFirst()).as("the two-argument callback still works").isEqualTo(1);

        vhost.publish(queue, 3, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 6);
    }

    @Test
    void aFailedReconnectAttemptNamesTheNodeTriedLast() throws Exception {
        TestApps.Vhost vhost = apps.vhost();
        vhost.declareClassic(queue);
        String live = vhost.connection().build().addresses().getFirst();
        String dead = deadAddress();
        List<ConnectionFailure> failures = new CopyOnWriteArrayList<>();
        App app = apps.app().connection(vhost.connection().addresses(live, dead)
                .connectionFailCallback(ConnectionFailCallback.of(failures::add)).build());
        app.route(AmqpRoute.consume(queue).handler(batch -> { }));
        app.start();

        TestBroker.deleteVhost(vhost.name());                     // every reconnect attempt now fails on every node
        await().atMost(Duration.ofSeconds(20)).until(() -> failures.size() >= 3);
        assertThat(failures.subList(1, 3)).allSatisfy(f -> assertThat(f.node()).isPresent()
                .get().isIn(live, dead));
        assertThat(failures.subList(1, 3)).extracting(f -> f.node().orElseThrow())
                .as("attempts start from the next node in turn").doesNotHaveDuplicates();
        TestBroker.addVhost(vhost.name());
    }
}

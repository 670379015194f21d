package io.asyncworker.test;

import static io.asyncworker.Action.ACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.test.internal.InMemoryBackendFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the in-memory backend plugs in, which broker a route takes, and the builders' checks. */
class InMemoryBackendTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();

    @Test
    void theBackendIsFoundThroughTheServiceFile() {
        assertThat(ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(InMemoryBackendFactory.class);
    }

    @Test
    void theBackendCanBeGivenToTheAppBuilder() {
        InMemoryBroker broker = InMemoryBroker.create();
        try (App app = App.builder().settings(Settings.from(Map.of())).backend(InMemoryBroker.backendFactory()).build()) {
            app.route(InMemoryRoute.consume("q").connection(broker).handler(batch -> { }));
            app.start();
            assertThat(broker.send("q", "x").awaitSettled()).isEqualTo(ACK);
        }
    }

    @Test
    void aRouteWithoutABrokerFailsTheStartNamingTheRoute() {
        try (App bare = App.create(Settings.from(Map.of()))) {
            bare.route(InMemoryRoute.consume("q").name("lonely").handler(batch -> { }));
            assertThatThrownBy(bare::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("route 'lonely' needs an in-memory connection: register one with "
                            + "app.connection(InMemoryBroker.create())");
        }
        App app = apps.app(Map.of());
        app.connection(InMemoryBroker.builder().name("other").build());
        app.route(InMemoryRoute.consume("q").name("unsure").handler(batch -> { }));
        assertThatThrownBy(app::start).hasMessageContaining("route 'unsure' must choose one of the in-memory connections "
                + "in-memory, other");
    }

    @Test
    void aRouteChoosesItsBrokerByName() {
        InMemoryBroker other = InMemoryBroker.builder().name("other").build();
        App app = apps.app(Map.of());
        app.connection(other);
        app.route(InMemoryRoute.consume("q").connection("other").handler(batch -> { }));
        app.start();

        assertThat(other.send("q", "x").awaitSettled()).isEqualTo(ACK);
        assertThat(apps.broker.consumers("q")).isZero();
    }

    @Test
    void oneRouteConsumesSeveralQueuesIntoOneHandler() {
        List<String> queues = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("a", "b").handler(batch -> batch.forEach(m -> queues.add(m.queue()))));

        assertThat(apps.broker.send("a", "1").awaitSettled()).isEqualTo(ACK);
        assertThat(apps.broker.send("b", "2").awaitSettled()).isEqualTo(ACK);
        assertThat(queues).containsExactly("a", "b");
    }

    @Test
    void twoRoutesOnOneQueueShareItsMessagesRoundRobin() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").name("first").handler(batch -> first.add(batch.get(0).bodyAsString())),
                InMemoryRoute.consume("q").name("second").handler(batch -> second.add(batch.get(0).bodyAsString())));
        IntStream.range(0, 4).mapToObj(i -> apps.broker.send("q", "m" + i)).toList().forEach(Sent::awaitSettled);

        assertThat(first).containsExactlyInAnyOrder("m0", "m2");
        assertThat(second).containsExactlyInAnyOrder("m1", "m3");
    }

    @Test
    void awaitingAMessageNobodyConsumesFailsSayingWhatHappenedToIt() {
        InMemoryBroker broker = InMemoryBroker.builder().awaitTimeout(Duration.ofMillis(50)).build();
        Sent sent = broker.send("nobody", "{\"id\":1}");

        assertThatThrownBy(sent::awaitSettled).isInstanceOf(AssertionError.class)
                .hasMessage("message #1 on 'nobody' ({\"id\":1}) was not settled once within PT0.05S: delivered 0 times, "
                        + "settlements []");
        assertThat(broker.ready("nobody")).isEqualTo(1);
    }

    @Test
    void buildersRejectBadOptionsNamingThem() {
        assertThatThrownBy(InMemoryRoute::consume).hasMessageContaining("queues must name at least one queue");
        assertThatThrownBy(() -> InMemoryRoute.consume("q", " ")).hasMessage("queue must not be blank");
        assertThatThrownBy(() -> InMemoryRoute.consume("q", "q")).hasMessage("queues must be different from each other, got [q, q]");
        assertThatThrownBy(() -> InMemoryRoute.consume("q").bulkSize(0)).hasMessage("bulkSize must be at least 1, got 0");
        assertThatThrownBy(() -> InMemoryBroker.builder().prefetch(0)).hasMessage("prefetch must be at least 1, got 0");
        assertThatThrownBy(() -> InMemoryBroker.builder().awaitTimeout(Duration.ZERO)).hasMessageStartingWith("awaitTimeout must be");
        assertThatThrownBy(() -> InMemoryBroker.create().send(" ", "x")).hasMessage("queue must not be blank");
    }

    @Test
    void describeListsTheQueuesAndTheBatchOptions() {
        var options = InMemoryRoute.consume("a", "b").bulkSize(5).handler(batch -> { }).describe(Settings.from(Map.of()));

        assertThat(options).extracting(o -> o.name() + "=" + o.value())
                .contains("queues=a, b", "bulkSize=5", "flushTimeout=PT1M", "connection=the only in-memory broker");
    }
}

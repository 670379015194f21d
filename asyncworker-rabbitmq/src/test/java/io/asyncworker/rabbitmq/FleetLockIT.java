package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.scheduler.Schedule;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Once-per-fleet schedules through the real broker: several apps in one JVM, each its own replica. */
class FleetLockIT {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private final String schedule = "fleet-test-" + UUID.randomUUID();
    private final List<Replica> replicas = new ArrayList<>();
    private final List<Instant> claimedDueTimes = new CopyOnWriteArrayList<>();
    /** Which replica ran which due time; a list per due time, so that a double run shows. */
    private final Map<Instant, List<String>> ran = new ConcurrentHashMap<>();

    /** One replica: an app on its own manual timer with its own connection. */
    private final class Replica {
        final String name;
        final ManualTimerService timer = new ManualTimerService(T0.plusSeconds(17));
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final AmqpConnection connection;
        final App app;

        Replica(String name, AmqpConnection connection) {
            this.name = name;
            this.connection = connection;
            this.app = App.builder().settings(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "5s"))).timer(timer)
                    .build();
            app.meters().add(meters);
            app.route(Schedule.every(MINUTE).name(schedule).oncePerFleet(connection.fleetLock()).handler(ctx ->
                    ran.computeIfAbsent(ctx.scheduledTime(), t -> new CopyOnWriteArrayList<>()).add(this.name)));
        }

        double skips(String reason) {
            Counter c = meters.find("asyncworker.schedule.skips").tag("reason", reason).counter();
            return c == null ? 0 : c.count();
        }

        double runs() {
            Counter c = meters.find("asyncworker.schedule.runs").tag("result", "success").counter();
            return c == null ? 0 : c.count();
        }

        double dealtWith() {
            return runs() + skips("fleet") + skips("fleet_error");
        }
    }

    private Replica replica(String name, AmqpConnection connection) {
        Replica r = new Replica(name, connection);
        replicas.add(r);
        r.app.start();
        return r;
    }

    private void advanceAll(Duration by) {
        replicas.stream().filter(r -> r.app.health().isUp()).forEach(r -> r.timer.advance(by));
    }

    private Instant nextDueTime() {
        Instant now = replicas.getFirst().timer.now();
        Instant next = Instant.ofEpochSecond((now.getEpochSecond() / 60 + 1) * 60);
        advanceAll(Duration.between(now, next));
        claimedDueTimes.add(next);
        return next;
    }

    @AfterEach
    void cleanUp() {
        replicas.forEach(r -> r.app.close());
        replicas.forEach(r -> r.connection.close());
        for (Instant due : claimedDueTimes) {
            TestBroker.delete("asyncworker.fleet." + schedule + "." + due);
        }
    }

    @Test
    void threeReplicasRunEachDueTimeExactlyOnce() {
        List<Replica> three = List.of(replica("a", TestBroker.connection().build()),
                replica("b", TestBroker.connection().build()), replica("c", TestBroker.connection().build()));
        for (int i = 1; i <= 5; i++) {
            Instant due = nextDueTime();
            int dealt = 3 * i;
            await().atMost(Duration.ofSeconds(20)).until(() -> three.stream().mapToDouble(Replica::dealtWith).sum() >= dealt);
            assertThat(ran.get(due)).as("due time %s", due).hasSize(1);
        }
        assertThat(ran).hasSize(5);
        assertThat(three.stream().mapToDouble(r -> r.skips("fleet")).sum()).isEqualTo(10);
        assertThat(TestBroker.messageCount("asyncworker.fleet." + schedule + "." + claimedDueTimes.getFirst()))
                .as("the claim, kept by the broker").isEqualTo(1);
    }

    @Test
    void whenTheReplicaThatRanStopsTheNextDueTimeRunsOnAnother() {
        replica("a", TestBroker.connection().build());
        replica("b", TestBroker.connection().build());
        replica("c", TestBroker.connection().build());
        Instant first = nextDueTime();
        await().atMost(Duration.ofSeconds(20)).until(() -> ran.containsKey(first));
        String winner = ran.get(first).getFirst();
        replicas.stream().filter(r -> r.name.equals(winner)).forEach(r -> r.app.close());

        Instant second = nextDueTime();
        await().atMost(Duration.ofSeconds(20)).until(() -> ran.containsKey(second));
        assertThat(ran.get(second)).hasSize(1).doesNotContain(winner);
    }

    @Test
    void aPartitionedReplicaNeverRunsADueTimeThatAnotherRan() throws Exception {
        URI broker = URI.create(TestBroker.url());
        try (PartitionProxy proxy = new PartitionProxy(broker.getHost(), broker.getPort())) {
            replica("a", TestBroker.connection().build());
            replica("b", TestBroker.connection().build());
            Replica cut = replica("cut", TestBroker.connection().addresses("127.0.0.1:" + proxy.port()).build());
            Instant first = nextDueTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> replicas.stream().mapToDouble(Replica::dealtWith).sum() >= 3);

            proxy.pause();
            Instant second = nextDueTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> ran.containsKey(second));
            assertThat(cut.dealtWith()).as("its claim hangs in the partition").isEqualTo(1);
            proxy.resume();
            await().atMost(Duration.ofSeconds(20)).until(() -> cut.dealtWith() == 2);

            assertThat(ran.get(second)).hasSize(1).doesNotContain("cut");
            assertThat(ran.get(first)).hasSize(1);
            assertThat(cut.skips("fleet") + cut.skips("fleet_error")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void replicasOnTheRealClockRunEachSecondOnce() {
        List<String> realRan = new CopyOnWriteArrayList<>();
        List<App> apps = new ArrayList<>();
        List<AmqpConnection> connections = new ArrayList<>();
        try {
            for (String name : List.of("a", "b", "c")) {
                AmqpConnection c = TestBroker.connection().build();
                connections.add(c);
                App app = App.create(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "5s")));
                app.route(Schedule.every(Duration.ofSeconds(1)).name(schedule).oncePerFleet(c.fleetLock())
                        .handler(ctx -> realRan.add(ctx.scheduledTime() + " " + name)));
                apps.add(app);
            }
            apps.forEach(App::start);
            await().atMost(Duration.ofSeconds(20)).until(() -> realRan.size() >= 5);
        } finally {
            apps.forEach(App::close);
            connections.forEach(AmqpConnection::close);
        }
        List<String> dueTimes = realRan.stream().map(s -> s.substring(0, s.indexOf(' '))).toList();
        assertThat(dueTimes).as("each due time once: %s", realRan).doesNotHaveDuplicates();
        assertThat(dueTimes).allSatisfy(t -> assertThat(Instant.parse(t).getNano()).isZero());
        dueTimes.forEach(t -> claimedDueTimes.add(Instant.parse(t)));
    }
}

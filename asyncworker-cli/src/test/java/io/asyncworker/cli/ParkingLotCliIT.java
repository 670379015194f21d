package io.asyncworker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.asyncworker.App;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.rabbitmq.RetryHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code asyncworker parking-lot} against a real RabbitMQ, each test in a vhost of its own. */
class ParkingLotCliIT {
    private static final String WORKER = BrokerWorkers.Parking.class.getName();
    private final String vhost = "aw-cli-lot-" + UUID.randomUUID();
    private final String queue = "items";
    private final String lot = queue + ".parking-lot";
    private Connection admin;

    @BeforeEach
    void ownVhost() throws Exception {
        rabbitmqctl("add_vhost", vhost);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        TestBroker.apply();
        System.setProperty(AmqpSettings.VHOST.name(), vhost);
        System.setProperty("CLI_TEST_QUEUE", queue);
    }

    @AfterEach
    void dropVhost() throws Exception {
        TestBroker.clear();
        System.clearProperty("CLI_TEST_QUEUE");
        if (admin != null && admin.isOpen()) {
            admin.close();
        }
        rabbitmqctl("delete_vhost", vhost);
    }

    @Test
    void listReplayAndPurgeWhatARealWorkerParked() throws Exception {
        App worker = BrokerWorkers.Parking.app();
        worker.start();
        try {
            publish(queue, List.of("fail", "fail", "fail", "fail", "ok"), Map.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> count(lot) == 4 && count(queue) == 0);
        } finally {
            worker.close();
        }

        Run list = Run.of("parking-lot", "list", WORKER);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("parking lot items.parking-lot of route items (replays to queue items): 4 messages")
                .contains("    exception: java.lang.IllegalStateException\n").contains("    exception-message: parked for the test\n")
                .contains("    attempts: 1\n").contains("    body: fail\n");
        assertThat(count(lot)).as("list moves nothing").isEqualTo(4);

        Run replay = Run.of("parking-lot", "replay", "--limit", "3", WORKER);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).isEqualTo("replayed 3 messages from items.parking-lot to queue items\n");
        assertThat(count(queue)).isEqualTo(3);
        GetResponse back = channel().basicGet(queue, true);
        assertThat(back.getProps().getHeaders()).containsKey(RetryHeaders.REPLAYED)
                .doesNotContainKeys(RetryHeaders.ATTEMPTS, RetryHeaders.EXCEPTION, RetryHeaders.QUEUE);

        Run purge = Run.of("parking-lot", "purge", WORKER);
        assertThat(purge.exitCode()).isZero();
        assertThat(purge.out()).isEqualTo("purged 1 messages from items.parking-lot\n");
        assertThat(count(lot)).isZero();
    }

    @Test
    void aWorkerCountsTheReplayedMessagesItConsumesAndNoOthers() throws Exception {
        parkWithAWorker(List.of("fail", "fail", "fail", "fail"));
        Run replay = Run.of("parking-lot", "replay", "--limit", "3", WORKER);
        assertThat(replay.out()).as(replay.err()).isEqualTo("replayed 3 messages from items.parking-lot to queue items\n");

        App worker = BrokerWorkers.Parking.app();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        worker.meters().add(meters);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> count(lot) == 4 && count(queue) == 0);   // parked again
            publish(queue, List.of("ok", "ok"), Map.of());                                       // never parked
            await().atMost(Duration.ofSeconds(10)).until(() -> acked(meters) == 2);
            assertThat(meters.get("asyncworker.messages.replayed").tag("queue", queue).counter().count())
                    .as("the 3 replayed, once each, though parked again; not the 2 fresh ones").isEqualTo(3);
        } finally {
            worker.close();
        }
    }

    private void parkWithAWorker(List<String> bodies) throws Exception {
        App worker = BrokerWorkers.Parking.app();
        worker.start();
        try {
            publish(queue, bodies, Map.of());
            await().atMost(Duration.ofSeconds(10)).until(() -> count(lot) == bodies.size() && count(queue) == 0);
        } finally {
            worker.close();
        }
    }

    private static double acked(SimpleMeterRegistry meters) {
        return meters.find("asyncworker.messages.settled").tag("action", "ack").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void replayMovesTenThousandMessagesLosingNoneWhenTheBrokerClosesTheConnectionHalfWay() throws Exception {
        int total = 10_000;
        declare(queue);
        declare(lot);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            bodies.add("m" + i);
        }
        publish(lot, bodies, Map.of(RetryHeaders.QUEUE, queue, RetryHeaders.ATTEMPTS, 3));

        CompletableFuture<Run> replay = CompletableFuture.supplyAsync(() -> Run.of("parking-lot", "replay", WORKER));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> count(queue) >= 1_000);
        rabbitmqctl("close_all_connections", "-p", vhost, "closed by the test half-way");
        Run run = replay.get(120, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).as("the fault hit the replay").contains("the connection failed after");
        assertThat(count(lot)).isZero();
        Set<String> arrived = new HashSet<>();
        int copies = 0;
        GetResponse r;
        Channel ch = channel();
        while ((r = ch.basicGet(queue, true)) != null) {
            arrived.add(new String(r.getBody(), StandardCharsets.UTF_8));
            copies++;
        }
        assertThat(arrived).as("every parked message arrived").hasSize(total).containsAll(bodies);
        assertThat(copies - total).as("duplicates: at most the one round in flight at the fault").isBetween(0, 200);
        System.out.printf("replay of %d with the connection closed half-way: %d copies, %s%n", total, copies,
                run.out().strip());
    }

    private Channel channel() throws Exception {
        if (admin == null || !admin.isOpen()) {
            ConnectionFactory f = new ConnectionFactory();
            f.setHost(TestBroker.host());
            f.setPort(TestBroker.port());
            f.setVirtualHost(vhost);
            admin = f.newConnection("cli-test-lot-admin");
        }
        return admin.createChannel();
    }

    private long count(String name) throws Exception {
        try (Channel ch = channel()) {
            return ch.queueDeclarePassive(name).getMessageCount();
        }
    }

    private void declare(String name) throws Exception {
        try (Channel ch = channel()) {
            ch.queueDeclare(name, true, false, false, null);
        }
    }

    private void publish(String to, List<String> bodies, Map<String, Object> headers) throws Exception {
        try (Channel ch = channel()) {
            ch.confirmSelect();
            for (int i = 0; i < bodies.size(); i++) {
                ch.basicPublish("", to, new AMQP.BasicProperties.Builder().deliveryMode(2).messageId("id" + i)
                        .headers(headers).build(), bodies.get(i).getBytes(StandardCharsets.UTF_8));
            }
            ch.waitForConfirmsOrDie(60_000);
        }
    }

    private static String rabbitmqctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}

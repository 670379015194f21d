package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries across a fleet of workers and through a crash (SPEC §14): the attempt count travels with
 * the message on the broker, so it stays exact whichever worker handles each attempt, and a
 * message waiting in a delay queue survives its worker being killed.
 */
class RetryFleetIT {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final List<Process> children = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One handling: message id and attempt. */
    record Handled(String id, int attempt) {
    }

    private App worker(RetryPolicy policy, List<Handled> handled, boolean always) {
        App app = apps.app();
        app.connection(TestBroker.connection().prefetch(10).build());
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.durable()).retry(policy).handler(batch -> {
            batch.forEach(m -> handled.add(new Handled(m.properties().getMessageId(), m.attempt())));
            if (always || batch.get(0).attempt() == 1) {
                throw new IllegalStateException("failing on purpose");
            }
        }));
        app.start();
        return app;
    }

    private Path child(int attempts, long delayMillis, String mode) throws IOException {
        Path out = dir.resolve("child-" + children.size() + ".log");
        Process p = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), RetryWorkerMain.class.getName(),
                TestBroker.url(), queue, Integer.toString(attempts), Long.toString(delayMillis), mode)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        children.add(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(out).contains("started"));
        return out;
    }

    private static List<Handled> handledBy(Path out) throws IOException {
        return Files.readAllLines(out).stream().filter(l -> l.startsWith("handled ")).map(l -> l.split(" "))
                .map(f -> new Handled(f[1], Integer.parseInt(f[2]))).toList();
    }

    /** Every message's attempts, in order of attempt. */
    private static Map<String, List<Integer>> attempts(List<Handled> all) {
        Map<String, List<Integer>> byId = new TreeMap<>();
        all.forEach(h -> byId.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(h.attempt()));
        byId.values().forEach(l -> l.sort(null));
        return byId;
    }

    @Test
    void twoAppsOnSeparateConnectionsCountEveryMessagesAttemptsExactly() {
        apps.alsoDelete(queue + ".retry.100ms", queue + ".parking-lot");
        RetryPolicy policy = RetryWorkerMain.policy(4, 100);
        List<Handled> a = new CopyOnWriteArrayList<>();
        List<Handled> b = new CopyOnWriteArrayList<>();
        worker(policy, a, true);
        worker(policy, b, true);
        TestBroker.publish(queue, 40);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestBroker.messageCount(queue + ".parking-lot") == 40);
        List<Handled> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(attempts(all)).hasSize(40).allSatisfy((id, tries) -> assertThat(tries).as(id).containsExactly(1, 2, 3, 4));
        assertThat(a).as("both workers took part").isNotEmpty();
        assertThat(b).isNotEmpty();
        assertParkedAfter(40, 4);
    }

    @Test
    void aWorkerInAnotherJvmAndOneInThisOneCountAttemptsExactly() throws Exception {
        apps.alsoDelete(queue + ".retry.100ms", queue + ".parking-lot");
        List<Handled> here = new CopyOnWriteArrayList<>();
        Path there = child(4, 100, "fail");
        worker(RetryWorkerMain.policy(4, 100), here, true);
        TestBroker.publish(queue, 40);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestBroker.messageCount(queue + ".parking-lot") == 40);
        List<Handled> all = new ArrayList<>(here);
        all.addAll(handledBy(there));
        assertThat(attempts(all)).hasSize(40).allSatisfy((id, tries) -> assertThat(tries).as(id).containsExactly(1, 2, 3, 4));
        assertThat(here).isNotEmpty();
        assertThat(handledBy(there)).isNotEmpty();
        assertParkedAfter(40, 4);
    }

    @Test
    void messagesWaitingInADelayQueueSurviveTheirWorkerBeingKilled() throws Exception {
        apps.alsoDelete(queue + ".retry.10s", queue + ".parking-lot");
        Path there = child(3, 10_000, "fail-first");
        TestBroker.publish(queue, 50);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestBroker.messageCount(queue + ".retry.10s") == 50);
        // The retries wait 10 s: time for rabbitmqctl, slow on a loaded machine, to look before they come back.
        await().atMost(Duration.ofSeconds(7)).untilAsserted(() -> assertThat(TestBroker.brokerCounts("/", queue))
                .as("waiting retries hold no prefetch slot: nothing unacked").containsExactly(0, 0, 1));
        Process worker = children.get(0);
        worker.destroyForcibly(); // SIGKILL: no graceful stop, no ack or publish after this
        assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handledBy(there)).extracting(Handled::attempt).containsOnly(1);

        List<Handled> here = new CopyOnWriteArrayList<>();
        worker(RetryWorkerMain.policy(3, 10_000), here, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> here.size() == 50);
        assertThat(attempts(here)).containsOnlyKeys(IntStream.range(0, 50).mapToObj(i -> "m" + i).toList())
                .allSatisfy((id, tries) -> assertThat(tries).containsExactly(2));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 1));
        assertThat(TestBroker.messageCount(queue + ".retry.10s")).isZero();
        assertThat(TestBroker.messageCount(queue + ".parking-lot")).isZero();
    }

    private void assertParkedAfter(int messages, int attempts) {
        List<Object> counts = TestBroker.withChannel(ch -> {
            List<Object> out = new ArrayList<>();
            com.rabbitmq.client.GetResponse r;
            while ((r = ch.basicGet(queue + ".parking-lot", true)) != null) {
                out.add(r.getProps().getHeaders().get(RetryHeaders.ATTEMPTS));
            }
            return out;
        });
        assertThat(counts).hasSize(messages).containsOnly(attempts);
        assertThat(TestBroker.brokerCounts("/", queue)).containsExactly(0, 0, 2);
    }
}

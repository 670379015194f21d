package io.asyncworker.cli;

import io.asyncworker.rabbitmq.AmqpSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import io.asyncworker.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands against a real RabbitMQ, with a worker using the real RabbitMQ backend. */
class CliBrokerIT {
    private static final String WORKER = BrokerWorkers.class.getName();
    private final String queue = "aw-cli-" + UUID.randomUUID();

    @BeforeEach
    void pointAtBroker() {
        TestBroker.apply();
        System.setProperty("CLI_TEST_QUEUE", queue);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestBroker.clear();
        System.clearProperty("CLI_TEST_QUEUE");
        System.clearProperty(Settings.FLUSH_TIMEOUT.name());
        try (Channel ch = TestBroker.channel()) {
            ch.queueDelete(queue);
        }
    }

    private void declareQueue() throws Exception {
        try (Channel ch = TestBroker.channel()) {
            ch.queueDeclare(queue, true, false, false, null);
        }
    }

    @Test
    void routesShowsTheQueueTheOptionsAndWhereEachCameFrom() {
        System.setProperty(Settings.FLUSH_TIMEOUT.name(), "3s");
        Run run = Run.of("routes", WORKER);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("route " + queue + "  [AMQP_RABBITMQ]")
                .contains("sources: " + queue)
                .containsPattern("bulkSize +20 +code")
                .containsPattern("flushTimeout +PT0\\.2S +code")
                .containsPattern("onException +REQUEUE +default")
                .containsPattern("declare +no \\(queues must exist\\) +default")
                .containsPattern("connections:\n +name +type +details\n +default +AMQP_RABBITMQ +AmqpConnection\\[default ")
                .containsPattern("ASYNCWORKER_FLUSH_TIMEOUT +3s +system property")
                .containsPattern("ASYNCWORKER_AMQP_PASSWORD +\\*\\*\\*\\* +system property");
    }

    @Test
    void checkExitsZeroWhenTheBrokerAndQueueAreThere() throws Exception {
        declareQueue();
        Run run = Run.of("check", WORKER);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(": OK (1 route)");
    }

    @Test
    void checkExitsOneNamingAMissingQueue() {
        Run run = Run.of("check", WORKER);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": 1 problem\n").contains("queue '" + queue + "' does not exist");
    }

    @Test
    void checkExitsOneOnAWrongPasswordWithoutPrintingIt() throws Exception {
        declareQueue();
        System.setProperty(AmqpSettings.PASSWORD.name(), "not-the-password-42");
        Run run = Run.of("check", WORKER);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": 1 problem\n").contains("cannot connect to RabbitMQ at amqp://")
                .containsPattern("(?i)access_refused|login|credential|authenticat").doesNotContain("not-the-password-42");
        assertThat(run.err()).doesNotContain("not-the-password-42");
    }

    @Test
    void runWithDevButNoDevServiceOnTheClassPathSaysWhichModuleToAddAndUsesTheConfiguredBroker() throws Exception {
        declareQueue();
        BrokerWorkers.LAST.set(null);
        long before = BrokerWorkers.HANDLED.sum();
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> Run.of("run", "--dev", WORKER));
        await().atMost(Duration.ofSeconds(15)).until(() -> BrokerWorkers.LAST.get() != null && BrokerWorkers.LAST.get().isRunning());
        try (Channel ch = TestBroker.channel()) {
            for (int i = 0; i < 3; i++) {
                ch.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> BrokerWorkers.HANDLED.sum() - before == 3);
        BrokerWorkers.LAST.get().stop();
        Run run = running.get();
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).containsOnlyOnce("asyncworker: dev: no dev service for the AMQP_RABBITMQ routes on the "
                + "class path; add io.asyncworker:asyncworker-devbroker to it");
        try (Channel ch = TestBroker.channel()) {
            assertThat(ch.queueDeclarePassive(queue).getMessageCount()).isZero();
        }
    }
}

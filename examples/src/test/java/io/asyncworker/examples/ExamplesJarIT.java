package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's main command: the shaded examples jar, run as its own process. */
class ExamplesJarIT {
    private static final Path JAR = Path.of("target", "asyncworker-examples.jar");
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private static Process start(Map<String, String> env, String... args) throws Exception {
        assertThat(JAR).as("built by mvn package").exists();
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString());
        builder.command().addAll(List.of(args));
        builder.environment().putAll(env);
        return builder.redirectErrorStream(true).start();
    }

    @Test
    void routesOfAnExampleByItsSimpleName() throws Exception {
        Process process = start(Map.of(), "routes", "ItemsWorker");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("route items  [AMQP_RABBITMQ]").containsPattern("bulkSize +50 +code")
                .containsPattern("onException +REJECT +code").containsPattern("onSuccess +ACK +default");
    }

    @Test
    void theDemoRunsInDevModeOnTheReachableBrokerHandlesBatchesAndStopsOnSigterm() throws Exception {
        String queue = "demo-" + UUID.randomUUID();
        Map<String, String> env = new java.util.HashMap<>(Map.of("ASYNCWORKER_HTTP_PORT", "0", "EXAMPLE_QUEUE", queue));
        if (System.getenv("ASYNCWORKER_TEST_AMQP_URL") == null) {
            env.put("ASYNCWORKER_AMQP_URL", "");                  // dev mode probes 127.0.0.1:5672 itself
        } else {
            env.put("ASYNCWORKER_AMQP_URL", Broker.URL);
        }
        Process process = start(env);
        List<String> lines = ProcessLines.collect(process);
        try {
            ProcessLines.awaitText(lines, "batch of 5", Duration.ofSeconds(120));
            String log = ProcessLines.text(lines);
            if (System.getenv("ASYNCWORKER_TEST_AMQP_URL") == null) {
                assertThat(log).containsPattern("dev: RabbitMQ \\S+ answers on 127.0.0.1:5672; using it");
            }
            assertThat(log).contains("batch of 10: 'demo message 1 of round 1'").contains("published 25 demo messages");
            // the handler's log context (MDC) ends its lines; lines outside handlers have none
            assertThat(log).containsPattern("batch of 10: 'demo message 1 of round 1' .* \\{route=demo-[^}]*\\}")
                    .containsPattern("published 25 demo messages .* \\{route=demo-producer\\}")
                    .doesNotContainPattern("asyncworker started.*\\{");
            process.toHandle().destroy();                         // SIGTERM, like Ctrl-C; keeps the output open
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(ProcessLines.text(lines)).contains("received a stop signal").contains("asyncworker stopped"));
            assertThat(Broker.ready(queue)).isZero();
        } finally {
            process.destroyForcibly();
            Broker.delete(queue);
        }
    }
}

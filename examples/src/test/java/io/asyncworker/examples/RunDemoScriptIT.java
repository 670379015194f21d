package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's {@code ./run-demo} script, run as a process on the jar {@code mvn package} built. */
class RunDemoScriptIT {
    private static final Pattern STATS_URL = Pattern.compile("try: curl (http://127\\.0\\.0\\.1:\\d+)/stats");
    private static final Path SCRIPT = Path.of("..", "run-demo").toAbsolutePath().normalize();
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    /** An executable script in {@code dir}. */
    private static void script(Path dir, String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void usesTheJdkOfJavaHomeEvenWhenAnOlderJavaComesFirstOnThePath(@TempDir Path bin) throws Exception {
        script(bin, "java", "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2; exit 1");   // an old java
        script(bin, "mvn", "exit 0");              // never rebuild here: the jar is the one mvn package made
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "routes", "HooksExample").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", JDK.toString());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("io.asyncworker.examples.HooksExample: 1 route").contains("route writer  [SCHEDULE]");
    }

    @Test
    void withNoBrokerAnsweringTheDemoRunsOnTheEmbeddedBrokerAnswersHttpAndStopsGracefullyOnSigterm(@TempDir Path bin)
            throws Exception {
        script(bin, "mvn", "exit 0");              // never rebuild here: the jar is the one mvn package made
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", JDK.toString());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("ASYNCWORKER_AMQP_PORT", String.valueOf(closedPort()));   // nothing listens there
        builder.environment().put("ASYNCWORKER_HTTP_PORT", "0");
        builder.environment().remove("ASYNCWORKER_AMQP_URL");
        Process process = builder.start();
        List<String> lines = ProcessLines.collect(process);
        try {
            ProcessLines.awaitText(lines, "batch of 5: 'demo message 21 of round 1'", Duration.ofSeconds(120));
            assertThat(ProcessLines.text(lines)).contains("starting an embedded AMQP 0-9-1 broker in this JVM")
                    .contains("the embedded broker is NOT RabbitMQ")
                    .contains("batch of 10: 'demo message 1 of round 1' .. 'demo message 10 of round 1'");
            Matcher url = STATS_URL.matcher(ProcessLines.text(lines));
            assertThat(url.find()).as(ProcessLines.text(lines)).isTrue();
            answersStatsHealthAndMetrics(URI.create(url.group(1)));
            process.toHandle().destroy();                           // SIGTERM: run-demo exec'd java
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("the JVM's code after SIGTERM").isEqualTo(143);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ProcessLines.text(lines))
                    .contains("asyncworker received a stop signal").contains("asyncworker stopped")
                    .doesNotContain("ERROR").doesNotContain("Exception"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void answersStatsHealthAndMetrics(URI base) throws Exception {
        assertThat(Http.get(base.resolve("/stats")).body()).as("25 a round, a round every 10 s")
                .containsPattern("\"messages\":(25|[3-9]\\d|\\d{3,})");
        assertThat(Http.get(base.resolve("/health")).statusCode()).isEqualTo(200);
        assertThat(Http.get(base.resolve("/metrics")).body()).contains("asyncworker_messages_received")
                .as("the JVM and process meters").containsPattern("(?m)^jvm_memory_used_bytes\\{.*area=\"heap\".*\\} \\d")
                .containsPattern("(?m)^process_cpu_usage(\\{.*\\})? \\S+$");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.asyncworker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's runnable jar carries no backend and no test library (Testcontainers,
 * docker-java, JUnit 4, commons-compress): a RabbitMQ worker run through it, even with
 * {@code --dev}, loads no Testcontainers class.
 */
class CliJarIT {
    private static final Path JAR = Path.of("target", "asyncworker-cli.jar");
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final List<String> TEST_LIBRARIES = List.of("org/testcontainers/", "com/github/dockerjava/",
            "org/junit/", "junit/", "org/apache/commons/compress/");

    @Test
    void theJarHoldsNoBackendAndNoTestLibrary() throws Exception {
        assertThat(JAR).as("built by mvn package").exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).contains("io/asyncworker/cli/AsyncWorkerCli.class", "picocli/CommandLine.class");
            assertThat(names).noneMatch(n -> TEST_LIBRARIES.stream().anyMatch(n::startsWith))
                    .noneMatch(n -> n.startsWith("io/asyncworker/rabbitmq/") || n.startsWith("com/rabbitmq/"));
        }
    }

    @Test
    void aRabbitMqWorkerRunWithDevThroughTheJarLoadsNoTestcontainersClass(@TempDir Path dir) throws Exception {
        String queue = "aw-cli-jar-" + UUID.randomUUID();
        try (Channel ch = TestBroker.channel()) {
            ch.queueDeclare(queue, false, false, true, null);
        }
        Path classes = dir.resolve("classes.log");
        Path output = dir.resolve("output.log");
        Process process = new ProcessBuilder(JAVA, "-Xlog:class+load=info:file=" + classes, "-DCLI_TEST_QUEUE=" + queue,
                "-DASYNCWORKER_AMQP_URL=" + TestBroker.URL, "-jar", JAR.toString(),
                "run", "--dev", "--classpath", workerClassPath(), BrokerWorkers.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(output).contains("asyncworker started"));
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String loaded = Files.readString(classes);
            assertThat(loaded).contains("io.asyncworker.rabbitmq.AmqpRoute").doesNotContain("org.testcontainers");
            assertThat(Files.readString(output)).contains("no dev service for the AMQP_RABBITMQ routes");
        } finally {
            process.destroyForcibly();
            try (Channel ch = TestBroker.channel()) {
                ch.queueDelete(queue);
            }
        }
    }

    /** The test class path (worker, backend, amqp-client, ...), which itself has no Testcontainers. */
    private static String workerClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.asList(path.split(File.pathSeparator));
        assertThat(entries).as("the command line's test class path").noneMatch(e -> e.contains("testcontainers"))
                .anyMatch(e -> e.contains("amqp-client"));
        return path;
    }
}

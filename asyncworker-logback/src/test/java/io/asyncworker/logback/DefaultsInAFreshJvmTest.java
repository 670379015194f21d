package io.asyncworker.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@link LoggingProbe} in a JVM of its own, so logback configures itself from scratch. */
class DefaultsInAFreshJvmTest {

    @TempDir
    Path dir;

    private static String run(Map<String, String> env, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmOptions));
        command.add(LoggingProbe.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(AsyncWorkerConfigurator.LEVEL_VARIABLE);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void withoutAConfigurationTheStartUpIsInfoAndNettyKeepsItsDebugToItself() throws Exception {
        String out = run(Map.of());

        assertThat(out).contains("INFO  [main] io.asyncworker.probe - framework info", "INFO  [main] com.acme.probe - app info",
                "WARN  [main] io.netty.probe - netty warn");
        assertThat(out).doesNotContain("DEBUG", "framework debug", "netty debug", "java.lang.");
    }

    @Test
    void theLogContextFollowsTheMessageWhenSetAndNothingWhenNot() throws Exception {
        String out = run(Map.of());

        assertThat(out).contains("com.acme.probe - in a handler {route=orders}");
        assertThat(out).contains("com.acme.probe - app info" + System.lineSeparator());
    }

    @Test
    void asyncworkerLogLevelAppliesWithoutAnyConfigurationFile() throws Exception {
        String out = run(Map.of(AsyncWorkerConfigurator.LEVEL_VARIABLE, "DEBUG"));

        assertThat(out).contains("DEBUG [main] io.asyncworker.probe - framework debug");
        assertThat(out).doesNotContain("netty debug", "app debug");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentVariable() throws Exception {
        String out = run(Map.of(AsyncWorkerConfigurator.LEVEL_VARIABLE, "DEBUG"), "-DASYNCWORKER_LOG_LEVEL=WARN");

        assertThat(out).doesNotContain("framework debug", "framework info");
        assertThat(out).contains("WARN  [main] io.netty.probe - netty warn");
    }

    @Test
    void theWorkersOwnConfigurationFileWinsOverTheDefaults() throws Exception {
        Path config = dir.resolve("mine.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>mine %level %logger %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="OUT"/></root>
                </configuration>
                """);

        String out = run(Map.of(), "-Dlogback.configurationFile=" + config);

        assertThat(out).contains("mine DEBUG io.netty.probe netty debug", "mine DEBUG com.acme.probe app debug");
    }
}

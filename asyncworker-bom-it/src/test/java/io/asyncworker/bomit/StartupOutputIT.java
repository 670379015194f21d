package io.asyncworker.bomit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts and stops {@link GreetingWorker} in a JVM of its own with no logback.xml anywhere: the
 * output a user sees with asyncworker-logback as the binding.
 */
class StartupOutputIT {

    private static List<String> runWorker(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GreetingWorker.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ASYNCWORKER_"));
        builder.environment().put("ASYNCWORKER_HTTP_HOST", "127.0.0.1");
        builder.environment().put("ASYNCWORKER_HTTP_PORT", "0");
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void startingAndStoppingPrintsAFewInfoLinesAndNoStackTrace() throws Exception {
        List<String> lines = runWorker(Map.of());

        assertThat(lines).anyMatch(l -> l.contains("INFO") && l.contains("asyncworker started"));
        assertThat(lines).anyMatch(l -> l.contains("asyncworker stopped"));
        assertThat(lines).as("start-up output").hasSizeLessThan(15)
                .noneMatch(l -> l.contains("DEBUG") || l.startsWith("\tat ") || l.contains("Exception"));
    }

    @Test
    void asyncworkerLogLevelAppliesWithoutAConfigurationFile() throws Exception {
        List<String> lines = runWorker(Map.of("ASYNCWORKER_LOG_LEVEL", "WARN"));

        assertThat(lines).noneMatch(l -> l.contains("asyncworker started") || l.contains(" INFO "));
    }
}

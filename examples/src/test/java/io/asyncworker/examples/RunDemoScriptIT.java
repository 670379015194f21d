package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's {@code ./run-demo} script, run as a process on the jar {@code mvn package} built. */
class RunDemoScriptIT {
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
}

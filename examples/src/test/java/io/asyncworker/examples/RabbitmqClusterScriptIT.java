package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC §17 on a real cluster: {@code scripts/rabbitmq-cluster} starts three RabbitMQ nodes on this
 * machine, runs a worker through 100,000 messages of a quorum queue while it kills the worker's node
 * and stops the queue's leader, checks that nothing was lost, and runs a once-per-fleet schedule on
 * three replica processes while it kills the active one. About two minutes. It needs Debian's
 * {@code rabbitmq-server} installed (not only a broker running); where there is none, it fails
 * saying so, unless {@code ASYNCWORKER_TEST_CLUSTER=off} leaves it out explicitly.
 */
class RabbitmqClusterScriptIT {
    private static final Path SCRIPT = Path.of("..", "scripts", "rabbitmq-cluster").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "asyncworker-examples.jar").toAbsolutePath();

    @Test
    void aWorkerOnAThreeNodeClusterLosesNothingWhenNodesDieAndAFleetRunsEachDueTimeOnce() throws Exception {
        assumeFalse("off".equals(System.getenv("ASYNCWORKER_TEST_CLUSTER")), "ASYNCWORKER_TEST_CLUSTER=off");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("CLUSTER_CLASSPATH", JAR.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                System.out.println(line);
                out.append(line).append('\n');
            }
        }
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("handled 100000 of 100000 ids", "0 ready, 0 unacknowledged",
                "0 twice or more", "PASSED", "cluster stopped and removed");
    }
}

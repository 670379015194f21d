package io.asyncworker.test.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.RabbitMQContainer;

/** Runs {@code rabbitmqctl} on this machine or inside the test broker's container. */
final class Rabbitmqctl {
    private Rabbitmqctl() {
    }

    /**
     * {@return the command's output}
     *
     * @param container the container to run it in, or null for this machine
     * @throws IllegalStateException when the command cannot run or fails
     */
    static String run(RabbitMQContainer container, String... args) {
        List<String> cmd = new ArrayList<>(List.of("rabbitmqctl"));
        cmd.addAll(List.of(args));
        try {
            return container == null ? local(cmd) : inContainer(container, cmd);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", cmd), e);
        }
    }

    private static String local(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out.strip());
        }
        return out;
    }

    private static String inContainer(RabbitMQContainer c, List<String> cmd) throws IOException, InterruptedException {
        Container.ExecResult r = c.execInContainer(cmd.toArray(String[]::new));
        if (r.getExitCode() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed in the container: " + r.getStdout() + r.getStderr());
        }
        return r.getStdout();
    }
}

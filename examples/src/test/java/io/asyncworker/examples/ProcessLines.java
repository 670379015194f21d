package io.asyncworker.examples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A started process's output lines, collected as they come on a virtual thread. */
final class ProcessLines {

    private ProcessLines() {
    }

    /** The lines so far; the list grows until the process closes its output. */
    static List<String> collect(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        return lines;
    }

    static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    /** Waits until the output contains {@code expected}; on timeout, fails with the output so far. */
    static void awaitText(List<String> lines, String expected, Duration patience) {
        try {
            Awaitility.await().atMost(patience).until(() -> text(lines).contains(expected));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no '" + expected + "' within " + patience + "; the process said:\n" + text(lines), e);
        }
    }
}

package io.asyncworker.modulesit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** A child JVM whose merged output is collected line by line. Closing it kills what still runs. */
final class Child implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean reading = true;

    private Child(Process process) {
        this.process = process;
        Thread.ofVirtual().name("child-output-" + process.pid()).start(this::collect);
    }

    static Child start(ProcessBuilder builder) throws IOException {
        return new Child(builder.start());
    }

    /**
     * The text after {@code prefix} on the first line starting with it; waits for it or the child's end.
     * Without it, fails with what the child printed, also when the wait timed out.
     */
    String awaitLine(String prefix) {
        waitFor("a line starting with '" + prefix + "'", () -> find(prefix).isPresent() || !process.isAlive());
        return find(prefix).orElseThrow(() -> new AssertionError("no line starting with '" + prefix
                + "'; the child ended with " + process.exitValue() + " and said:\n" + output()));
    }

    /** Ends the child's standard input (a worker here stops on it) and waits for its exit code. */
    int closeInputAndWait() throws IOException, InterruptedException {
        process.getOutputStream().close();
        return exitCode();
    }

    /** Waits for the child to end by itself. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not end within " + PATIENCE + "; it said:\n" + output());
        }
        waitFor("the end of the child's output", () -> !reading);
        return process.exitValue();
    }

    /** Waits up to {@link #PATIENCE}; on timeout, fails with what the child printed so far. */
    private void waitFor(String what, Callable<Boolean> done) {
        try {
            await().atMost(PATIENCE).until(done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " within " + PATIENCE + " (the child is "
                    + (process.isAlive() ? "still running" : "gone") + "); it said:\n" + output(), e);
        }
    }

    /** Everything it printed so far. */
    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collect() {
        try (BufferedReader in = process.inputReader()) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("[output no longer readable: " + e + "]");
        } finally {
            reading = false;
        }
    }

    private Optional<String> find(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()));
    }
}

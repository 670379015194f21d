package io.asyncworker.cli;

import io.asyncworker.cli.internal.Commands;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The {@code asyncworker} command line: runs, describes and checks a worker class, and shows,
 * replays or purges what its routes parked.
 *
 * <pre>{@code
 * java -cp app.jar:asyncworker-cli.jar io.asyncworker.cli.AsyncWorkerCli run com.acme.Worker
 * java -jar asyncworker-cli.jar routes --classpath app.jar com.acme.Worker
 * java -jar asyncworker-cli.jar check --dev --classpath app.jar com.acme.Worker
 * java -jar asyncworker-cli.jar parking-lot replay --classpath app.jar com.acme.Worker --route items
 * }</pre>
 *
 * <p>A worker class either has a {@code public static App app()} method or implements
 * {@link io.asyncworker.AppFactory} with a public no-argument constructor. Exit codes: 0 success,
 * 1 the app failed or {@code check} found problems, 2 bad usage or a class that cannot be loaded
 * or built.
 *
 * <p>Each call runs on the caller's thread; {@code run} blocks until the app stops.
 */
public final class AsyncWorkerCli {

    private AsyncWorkerCli() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /**
     * Runs the command line without exiting, e.g. from a launcher or a test.
     *
     * @param out  where reports and help go
     * @param err  where error messages go
     * @param args the command and its arguments, e.g. {@code "routes", "com.acme.Worker"}
     * @return the exit code: 0 success, 1 failure or problems found, 2 bad usage or worker class
     */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(args, "args");
        return Commands.execute(out, err, args);
    }
}

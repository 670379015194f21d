package io.asyncworker.examples;

import io.asyncworker.cli.AsyncWorkerCli;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The examples jar's launcher: {@code java -jar asyncworker-examples.jar [run|routes|check] [Example]}
 * runs the command line on {@code io.asyncworker.examples.<Example>} (default: run DemoWorker).
 * {@code run} and {@code check} use dev mode: a local RabbitMQ when one answers, else one in Docker.
 */
public final class Main {
    private static final Set<String> COMMANDS = Set.of("run", "routes", "check");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /** Runs the command line for these arguments and returns its exit code. */
    public static int launch(String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = !rest.isEmpty() && COMMANDS.contains(rest.getFirst()) ? rest.removeFirst() : "run";
        String example = rest.isEmpty() ? "DemoWorker" : rest.removeFirst();
        List<String> cli = new ArrayList<>(List.of(command));
        if (!command.equals("routes")) {
            cli.add("--dev");
        }
        cli.addAll(rest);
        cli.add(example.contains(".") ? example : Main.class.getPackageName() + "." + example);
        return AsyncWorkerCli.execute(System.out, System.err, cli.toArray(String[]::new));
    }
}

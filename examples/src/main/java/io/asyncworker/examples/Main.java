package io.asyncworker.examples;

import io.asyncworker.cli.AsyncWorkerCli;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The examples jar's launcher: {@code java -jar asyncworker-examples.jar [run|routes|check] [Example]}
 * runs the command line on {@code io.asyncworker.examples.<Example>} (default: run DemoWorker).
 * {@code run} and {@code check} use dev mode: a local RabbitMQ when one answers, else an embedded AMQP
 * 0-9-1 broker in this JVM (not RabbitMQ), else RabbitMQ in Docker.
 * Called once, on the main thread.
 */
public final class Main {
    private static final Set<String> COMMANDS = Set.of("run", "routes", "check");
    private static final Set<String> HELP = Set.of("-h", "--help", "help");
    static final List<String> EXAMPLES = List.of("DemoWorker", "ItemsWorker", "TransformWorker", "HttpWorker",
            "SseWorker", "ScheduledTasks", "HooksExample");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(launch(System.out, System.err, args));
    }

    /** Runs the command line for these arguments and returns its exit code. */
    static int launch(PrintStream out, PrintStream err, String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && HELP.contains(rest.getFirst())) {
            out.print(usage());
            return 0;
        }
        String command = !rest.isEmpty() && COMMANDS.contains(rest.getFirst()) ? rest.removeFirst() : "run";
        if (rest.stream().anyMatch(HELP::contains)) {
            return AsyncWorkerCli.execute(out, err, command, "--help");
        }
        String example = rest.isEmpty() || rest.getFirst().startsWith("-") ? "DemoWorker" : rest.removeFirst();
        if (!example.contains(".") && !EXAMPLES.contains(example)) {
            err.print("asyncworker-examples: no example '" + example + "'\n" + usage());
            return 2;
        }
        List<String> cli = new ArrayList<>(List.of(command));
        cli.addAll(command.equals("routes") ? List.of() : List.of("--dev"));
        cli.addAll(rest);
        cli.add(example.contains(".") ? example : Main.class.getPackageName() + "." + example);
        return AsyncWorkerCli.execute(out, err, cli.toArray(String[]::new));
    }

    static String usage() {
        return "Usage: java -jar asyncworker-examples.jar [run|routes|check] [<Example>]\n"
                + "Runs an example worker with the asyncworker command line (run and check in dev mode).\n"
                + "Examples: " + String.join(", ", EXAMPLES) + " (default DemoWorker)\n"
                + "A command's options: java -jar asyncworker-examples.jar run --help\n";
    }
}

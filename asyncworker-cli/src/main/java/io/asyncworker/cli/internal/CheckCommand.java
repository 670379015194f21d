package io.asyncworker.cli.internal;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code asyncworker check <class>}: probes brokers, queues and streams without starting the app. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that the worker could start: brokers reachable, credentials right, queues and "
                + "streams there. Starts nothing, runs no hook, consumes nothing."},
        footer = {"", "Exit codes: 0 no problem, 1 problems found (one line each), 2 the class cannot be loaded or built."})
final class CheckCommand extends WorkerCommand {

    @Option(names = "--dev", description = "Dev mode (also ASYNCWORKER_DEV=true): when ASYNCWORKER_AMQP_URL is unset "
            + "and no RabbitMQ answers on ASYNCWORKER_AMQP_HOST:PORT, start one in Docker for this check.")
    boolean dev;

    @Override
    int execute() throws WorkerException {
        try (PreparedApp prepared = PreparedApp.prepare(this::build, dev, DevBroker.withTestcontainers())) {
            List<String> problems = prepared.app().check();
            if (problems.isEmpty()) {
                out().printf("check %s: OK (%d routes)%n", className, prepared.app().routes().size());
                return Commands.OK;
            }
            out().printf("check %s: %d problem(s)%n", className, problems.size());
            problems.forEach(p -> out().println("  - " + p));
            return Commands.FAILED;
        } catch (DevBrokerException e) {
            err().println("asyncworker: " + e.getMessage());
            return Commands.FAILED;
        }
    }

    @Override
    List<String> options() {
        return dev ? List.of("--dev") : List.of();
    }
}

package io.asyncworker.cli.internal;

import io.asyncworker.spi.DevServiceException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asyncworker check <class>}: probes brokers, queues and streams without starting the app. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that the worker could start: brokers reachable, credentials right, queues and "
                + "streams there. Starts nothing, runs no hook, consumes nothing."},
        footer = {"", "Exit codes: 0 no problem, 1 problems found (one line each), 2 the class cannot be loaded or built."})
final class CheckCommand extends WorkerCommand {

    @Mixin
    DevOption devOption = new DevOption();

    @Override
    int execute() throws WorkerException {
        try (PreparedApp prepared = prepare(devOption.dev)) {
            List<String> problems = prepared.app().check();
            if (problems.isEmpty()) {
                out().printf("check %s: OK (%s)%n", className, RoutesReport.count(prepared.app().routes().size(), "route"));
                return Commands.OK;
            }
            out().printf("check %s: %s%n", className, RoutesReport.count(problems.size(), "problem"));
            problems.forEach(p -> out().println("  - " + p));
            return Commands.FAILED;
        } catch (DevServiceException e) {
            err().println("asyncworker: " + e.getMessage());
            return Commands.FAILED;
        }
    }

    @Override
    List<String> options() {
        return devOption.asArgs();
    }
}

package io.asyncworker.cli.internal;

import io.asyncworker.App;
import picocli.CommandLine.Command;

/** {@code asyncworker routes <class>}: prints every route's effective options and the settings. */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = {"Prints every route with its type, sources and effective options, and where each value "
                + "came from (default, an ASYNCWORKER_* variable, or code); then the settings (secrets masked). "
                + "Connects to nothing."},
        footer = {"", "Exit codes: 0 printed, 2 the class cannot be loaded or built."})
final class RoutesCommand extends WorkerCommand {

    @Override
    int execute() throws WorkerException {
        try (App app = build()) {
            out().print(RoutesReport.render(className, app));
            out().flush();
            return Commands.OK;
        }
    }
}

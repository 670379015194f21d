package io.asyncworker.cli.internal;

import io.asyncworker.spi.DevServiceException;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asyncworker run <class>}: builds the worker's app and runs it until SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Builds the worker's app and runs it until SIGTERM or Ctrl-C, then stops it gracefully."},
        footer = {"", "Exit codes: 0 stopped normally (the JVM reports 143 after SIGTERM and 130 after Ctrl-C, "
                + "once the stop finished), 1 the app failed to start or a dev service could not provide its system, "
                + "2 the class cannot be loaded or built."})
final class RunCommand extends WorkerCommand {

    @Mixin
    DevOption devOption = new DevOption();

    @Override
    int execute() throws WorkerException {
        try (PreparedApp prepared = prepare(devOption.dev)) {
            prepared.app().run();
            return Commands.OK;
        } catch (DevServiceException e) {
            err().println("asyncworker: " + e.getMessage());
            return Commands.FAILED;
        } catch (RuntimeException e) {
            err().println("asyncworker: " + className + " failed: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
            return Commands.FAILED;
        }
    }

    @Override
    List<String> options() {
        return devOption.asArgs();
    }
}

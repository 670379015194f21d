package io.asyncworker.cli.internal;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code asyncworker run <class>}: builds the worker's app and runs it until SIGTERM or SIGINT. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Builds the worker's app and runs it until SIGTERM or Ctrl-C, then stops it gracefully."},
        footer = {"", "Exit codes: 0 stopped normally, 1 the app failed to start or the dev broker is missing, "
                + "2 the class cannot be loaded or built."})
final class RunCommand extends WorkerCommand {

    @Option(names = "--dev", description = "Dev mode (also ASYNCWORKER_DEV=true): when ASYNCWORKER_AMQP_URL is unset "
            + "and no RabbitMQ answers on ASYNCWORKER_AMQP_HOST:PORT, start one in Docker for this run.")
    boolean dev;

    @Override
    int execute() throws WorkerException {
        try (PreparedApp prepared = PreparedApp.prepare(this::build, dev, DevBroker.withTestcontainers())) {
            prepared.app().run();
            return Commands.OK;
        } catch (DevBrokerException e) {
            err().println("asyncworker: " + e.getMessage());
            return Commands.FAILED;
        } catch (RuntimeException e) {
            err().println("asyncworker: " + className + " failed: " + e.getMessage());
            return Commands.FAILED;
        }
    }

    @Override
    List<String> options() {
        return dev ? List.of("--dev") : List.of();
    }
}

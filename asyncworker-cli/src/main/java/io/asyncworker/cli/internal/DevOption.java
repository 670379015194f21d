package io.asyncworker.cli.internal;

import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --dev} option of {@code run} and {@code check}, mixed into each. */
final class DevOption {

    @Option(names = "--dev", description = "Dev mode (also ASYNCWORKER_DEV=true): when ASYNCWORKER_AMQP_URL is unset "
            + "and no RabbitMQ answers on ASYNCWORKER_AMQP_HOST:PORT, start one in Docker for as long as the "
            + "command runs. Anything on that port that is not RabbitMQ is an error, never used.")
    boolean dev;

    /** The option as given, for running the command again in the worker's class loader. */
    List<String> asArgs() {
        return dev ? List.of("--dev") : List.of();
    }
}

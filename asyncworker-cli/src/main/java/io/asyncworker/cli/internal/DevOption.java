package io.asyncworker.cli.internal;

import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --dev} option of {@code run} and {@code check}, mixed into each. */
final class DevOption {

    @Option(names = "--dev", description = "Dev mode (also ASYNCWORKER_DEV=true): for each kind of route the app has, "
            + "its dev service (a module on the class path) makes sure the system it needs answers: it uses the one "
            + "configured when it answers, else starts one (on this machine, embedded, or in a container) for as "
            + "long as the command runs, and says which.")
    boolean dev;

    /** The option as given, for running the command again in the worker's class loader. */
    List<String> asArgs() {
        return dev ? List.of("--dev") : List.of();
    }
}

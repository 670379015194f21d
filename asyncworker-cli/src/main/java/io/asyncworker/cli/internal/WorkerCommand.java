package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.spi.DevServiceException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What every worker command shares: the worker class, an optional class path, the streams. */
abstract class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<class>",
            description = "The worker class: has `public static App app()` or implements io.asyncworker.AppFactory.")
    String className;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "<path>", split = "${sys:path.separator}",
            description = "Jars or class directories holding the worker and its backends "
                    + "(separated by '${sys:path.separator}'); default: the JVM's class path.")
    List<String> classpath = new ArrayList<>();

    @Override
    public final Integer call() {
        if (!classpath.isEmpty()) {
            return IsolatedLauncher.relaunch(classpath, relaunchArgs(), out(), err());
        }
        Logging.configure();
        try {
            return execute();
        } catch (WorkerException e) {
            err().println("asyncworker: " + e.getMessage());
            return Commands.USAGE;
        }
    }

    /** Runs the command in this class loader. */
    abstract int execute() throws WorkerException;

    /** The command's own options, for running it again inside the worker's class loader. */
    List<String> options() {
        return List.of();
    }

    private List<String> relaunchArgs() {
        List<String> args = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            args.add(0, s.name()); // e.g. "parking-lot", "list"
        }
        args.addAll(options());
        args.add(className);
        return args;
    }

    /** Builds the worker's app from the thread's context class loader. */
    App build() throws WorkerException {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(WorkerCommand.class.getClassLoader());
        return WorkerLoader.build(className, loader);
    }

    /** Builds the worker's app, with the dev services' systems in dev mode; lines about them go to {@link #err()}. */
    PreparedApp prepare(boolean dev) throws WorkerException, DevServiceException {
        return PreparedApp.prepare(this::build, dev, DevServices.discover(), line -> err().println("asyncworker: " + line));
    }

    PrintStream out() {
        return ((Commands) spec.root().userObject()).out;
    }

    PrintStream err() {
        return ((Commands) spec.root().userObject()).err;
    }
}

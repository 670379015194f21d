package io.asyncworker.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code asyncworker} top command and its wiring to picocli. */
@Command(name = "asyncworker", mixinStandardHelpOptions = true, versionProvider = Commands.Version.class,
        subcommands = {RunCommand.class, RoutesCommand.class, CheckCommand.class, ParkingLotCommand.class,
                CommandLine.HelpCommand.class},
        description = {"Runs, describes and checks asyncworker workers.",
                "A worker class has a `public static App app()` method",
                "or implements io.asyncworker.AppFactory."},
        footer = {"", "Exit codes: 0 ok, 1 the app failed or check found problems, "
                + "2 bad usage or a worker class that cannot be loaded or built."})
public final class Commands implements Runnable {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the app failed, or {@code check} found problems. */
    public static final int FAILED = 1;
    /** Exit code: bad usage, or a class that cannot be loaded or built. */
    public static final int USAGE = 2;

    final PrintStream out;
    final PrintStream err;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Commands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Parses and runs one command line. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Commands(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("asyncworker: " + e);
            e.printStackTrace(line.getErr());
            return FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, routes, check or parking-lot");
    }

    /** Prints the framework version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Commands.class.getPackage().getImplementationVersion();
            return new String[] {"asyncworker " + (v == null ? "(development build)" : v)};
        }
    }
}

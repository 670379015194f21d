/**
 * The {@code asyncworker} command line ({@link io.asyncworker.cli.AsyncWorkerCli}). It is shipped as
 * a class-path jar; on the module path a worker module exports (or opens) the package of its worker
 * class to {@code io.asyncworker.cli}, so that the command can call its {@code app()} method.
 */
module io.asyncworker.cli {
    requires io.asyncworker.core;
    requires info.picocli;
    requires org.slf4j;

    exports io.asyncworker.cli;
    // picocli reads and sets the annotated options of the commands reflectively.
    opens io.asyncworker.cli.internal to info.picocli;
}

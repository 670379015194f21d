/**
 * A worker on the module path, written against the public API only: an HTTP route and a schedule.
 * Its package is opened to Jackson (which reads and writes {@code Item}) and exported to the command
 * line (which calls {@code Worker.app()}).
 */
module worker.ok {
    requires io.asyncworker.http;
    requires io.asyncworker.scheduler;

    exports worker.ok to io.asyncworker.cli;
    opens worker.ok to com.fasterxml.jackson.databind;
}

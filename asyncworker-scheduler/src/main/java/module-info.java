/**
 * Recurring tasks: fixed-rate, fixed-delay and cron schedules ({@code io.asyncworker.scheduler}).
 * Everything under {@code io.asyncworker.scheduler.internal} is implementation and exported to no
 * module.
 */
// cron-utils (com.cronutils) is an automatic module named by the stable Automatic-Module-Name of its jar.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.asyncworker.scheduler {
    requires transitive io.asyncworker.core;
    requires com.cronutils;
    requires org.slf4j;

    exports io.asyncworker.scheduler;

    provides io.asyncworker.spi.BackendFactory with io.asyncworker.scheduler.internal.SchedulerBackendFactory;
}

package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.scheduler.Schedule;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring tasks: a heartbeat every {@code EXAMPLE_INTERVAL} (ISO-8601, default PT5S) that also
 * runs once at start, and a report on the cron {@code EXAMPLE_CRON} (6 fields with seconds,
 * default every minute at second 0, UTC). A run still going when the next is due makes that one
 * skip (logged and counted); an exception is logged and the schedule goes on.
 */
public final class ScheduledTasks {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTasks.class);
    /** Heartbeats run so far. */
    public static final Key<LongAdder> HEARTBEATS = Key.of("heartbeats", LongAdder.class);
    /** Reports run so far. */
    public static final Key<LongAdder> REPORTS = Key.of("reports", LongAdder.class);

    public static App app() {
        App app = App.create().put(HEARTBEATS, new LongAdder()).put(REPORTS, new LongAdder());
        app.route(Schedule.every(Duration.parse(Env.get("EXAMPLE_INTERVAL", "PT5S")))
                .name("heartbeat")
                .runOnStartup(true)
                .handler(ctx -> {
                    ctx.app().get(HEARTBEATS).increment();
                    LOG.info("heartbeat #{} due at {}", ctx.runNumber(), ctx.scheduledTime());
                }));
        app.route(Schedule.cron(Env.get("EXAMPLE_CRON", "0 * * * * *"), ZoneId.of("UTC"))
                .name("report")
                .handler(ctx -> {
                    ctx.app().get(REPORTS).increment();
                    LOG.info("report: {} heartbeats so far", ctx.app().get(HEARTBEATS).sum());
                }));
        return app;
    }

    public static void main(String[] args) {
        app().run();
    }
}

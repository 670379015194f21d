package io.asyncworker.examples.cluster;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.scheduler.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * One replica of a worker whose schedule runs once per fleet: each run appends
 * {@code <due epoch ms> <pid>} to its log. Runs until SIGTERM (or SIGKILL).
 */
final class FleetReplica {
    private FleetReplica() {
    }

    static int run(String url, String schedule, Duration period, Path log) {
        long pid = ProcessHandle.current().pid();
        AmqpConnection rabbit = AmqpConnection.builder().url(url).name("cluster-fleet-" + pid).build();
        App app = App.create(Settings.from(Map.of("ASYNCWORKER_METRICS_ENABLED", "false")));
        app.connection(rabbit).route(Schedule.every(period).name(schedule).oncePerFleet(rabbit.fleetLock())
                .handler(ctx -> append(log, ctx.scheduledTime().toEpochMilli() + " " + pid + "\n")));
        app.run();
        return 0;
    }

    private static void append(Path log, String line) throws IOException {
        Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }
}

package io.asyncworker.bomit;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.asyncworker.scheduler.Schedule;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A worker as a user writes one against the BOM: an HTTP route and a schedule. */
public final class GreetingWorker {

    private GreetingWorker() {
    }

    /** The worker's app, with the given settings. */
    public static App app(Settings settings) {
        AtomicLong ticks = new AtomicLong();
        App app = App.create(settings);
        app.route(HttpRoute.get("/greeting", req -> Response.json(new Greeting("world", ticks.get()))));
        app.route(Schedule.every(Duration.ofMinutes(1)).name("tick").handler(ctx -> ticks.incrementAndGet()));
        return app;
    }

    /** Starts and stops the worker once ({@code run} would wait for a signal); its log is the start-up output. */
    public static void main(String[] args) {
        try (App app = app(Settings.fromEnv())) {
            app.start();
        }
    }

    /** The answer, a record so that its JSON fields keep their order. */
    public record Greeting(String hello, long ticks) {
    }
}

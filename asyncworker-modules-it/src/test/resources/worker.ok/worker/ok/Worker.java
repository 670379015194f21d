package worker.ok;

import io.asyncworker.App;
import io.asyncworker.http.HttpAddress;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.asyncworker.scheduler.Schedule;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the app, waits for the schedule's first run, prints the modules it runs in and
 * {@code READY <uri>}, then serves until its standard input ends.
 */
public final class Worker {
    private static final CountDownLatch TICKED = new CountDownLatch(1);

    private Worker() {
    }

    public static App app() {
        App app = App.create();
        app.route(HttpRoute.get("/hello/{name}", req -> Response.text("hello " + req.pathParam("name"))));
        app.route(HttpRoute.post("/items", req -> Response.json(req.body(Item.class))));
        app.route(Schedule.every(Duration.ofMillis(100)).handler(ctx -> TICKED.countDown()));
        return app;
    }

    public static void main(String[] args) throws Exception {
        try (App app = app()) {
            app.start();
            if (!TICKED.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the schedule did not run within 30 s");
            }
            System.out.println("MODULES " + ModuleLayer.boot().modules().stream().map(Module::getName)
                    .filter(name -> name.startsWith("io.asyncworker") || name.startsWith("worker"))
                    .sorted().collect(Collectors.joining(" ")));
            System.out.println("READY " + HttpAddress.of(app).orElseThrow().uri());
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}

package io.asyncworker.examples;

import io.asyncworker.App;
import io.asyncworker.Key;
import io.asyncworker.scheduler.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup and shutdown hooks with typed app state: the startup hook opens a (pretend) database and
 * stores it under a {@link Key}; handlers read it with {@code app.get(DB)}, typed, no casts; the
 * shutdown hook closes it after every handler finished. State is frozen once the app started.
 */
public final class HooksExample {
    private static final Logger LOG = LoggerFactory.getLogger(HooksExample.class);
    /** The app's database. */
    public static final Key<Db> DB = Key.of("db", Db.class);

    /** A stand-in for a real client (JDBC pool, HTTP client, ...). */
    public static final class Db implements AutoCloseable {
        public final List<String> rows = new CopyOnWriteArrayList<>();
        public volatile boolean closed;

        void insert(String row) {
            if (closed) {
                throw new IllegalStateException("db is closed");
            }
            rows.add(row);
        }

        @Override
        public void close() {
            closed = true;
            LOG.info("db closed with {} rows", rows.size());
        }
    }

    public static App app() {
        App app = App.create();
        app.onStartup(a -> a.put(DB, new Db()));                       // runs before any backend
        app.onShutdown(a -> a.get(DB).close());                        // runs after all handlers
        app.route(Schedule.every(Duration.parse(Env.get("EXAMPLE_INTERVAL", "PT1S")))
                .name("writer")
                .handler(ctx -> ctx.app().get(DB).insert("run " + ctx.runNumber())));
        return app;
    }

    public static void main(String[] args) {
        app().run();
    }
}

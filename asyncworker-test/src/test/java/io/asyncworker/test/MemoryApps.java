package io.asyncworker.test;

import io.asyncworker.App;
import io.asyncworker.Route;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Apps over one in-memory broker, a manual clock and a readable meter registry, closed after each test.
 *
 * <pre>{@code
 * @RegisterExtension final MemoryApps apps = new MemoryApps();
 * apps.start(InMemoryRoute.consume("q").handler(batch -> { }));
 * apps.broker.send("q", "x").awaitSettled();
 * }</pre>
 */
final class MemoryApps implements AfterEachCallback {
    final InMemoryBroker broker = InMemoryBroker.create();
    final ManualTimerService timer = new ManualTimerService();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<App> apps = new ArrayList<>();

    /** A started app with these routes, the broker registered, a 5 s shutdown budget. */
    App start(Route... routes) {
        return start(Map.of(), routes);
    }

    /** A started app with these settings on top. */
    App start(Map<String, String> settings, Route... routes) {
        App app = app(settings);
        for (Route r : routes) {
            app.route(r);
        }
        app.start();
        return app;
    }

    /** An app not started yet, the broker registered. */
    App app(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "5s"));
        all.putAll(settings);
        App app = App.builder().settings(Settings.from(all)).timer(timer).build();
        app.meters().add(meters);
        app.connection(broker);
        apps.add(app);
        return app;
    }

    /** The value of a counter, 0 when it was never registered. */
    double count(String name, String... tags) {
        var c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        apps.reversed().forEach(App::close);
    }
}

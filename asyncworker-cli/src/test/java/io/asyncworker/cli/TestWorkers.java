package io.asyncworker.cli;

import io.asyncworker.App;
import io.asyncworker.AppFactory;
import io.asyncworker.BatchOptions;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.ParkingLot;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Worker classes for the command line tests; no backend module needed. */
final class TestWorkers {
    /** The app the last {@link Factory} or {@link StaticApp} built. */
    static final AtomicReference<App> LAST = new AtomicReference<>();
    /** The problems {@link TestBackend#check} reports. */
    static final AtomicReference<List<String>> PROBLEMS = new AtomicReference<>(List.of());
    /** The parking lots {@link TestBackend#parkingLots} offers. */
    static final AtomicReference<List<ParkingLot>> LOTS = new AtomicReference<>(List.of());

    private TestWorkers() {
    }

    static App build(RouteType type) {
        App app = App.builder().backend(new TestBackend(type)).build();
        app.route(new TestRoute(type, "orders", BatchOptions.builder().bulkSize(50).onException(io.asyncworker.Action.REJECT).build()));
        LAST.set(app);
        return app;
    }

    /** Implements AppFactory. */
    public static final class Factory implements AppFactory {
        @Override
        public App app() {
            return build(RouteType.SCHEDULE);
        }
    }

    /** Has a static app() with a RabbitMQ-typed route (served by the test backend). */
    public static final class StaticApp {
        public static App app() {
            return build(RouteType.AMQP_RABBITMQ);
        }
    }

    /** Has an SSE route but no SSE backend on the class path: start fails. */
    public static final class NoBackend {
        public static App app() {
            return App.create().route(new TestRoute(RouteType.SSE, "feed", BatchOptions.defaults()));
        }
    }

    /** Has no way to build an app. */
    public static final class NoApp {
    }

    /** Its app() throws. */
    public static final class Throwing {
        public static App app() {
            throw new IllegalStateException("database password missing");
        }
    }

    record TestRoute(RouteType type, String name, BatchOptions options) implements Route {
        @Override
        public List<String> sources() {
            return List.of("orders", "orders-retry");
        }

        @Override
        public List<RouteOption> describe(Settings settings) {
            return options.describe(settings);
        }
    }

    record TestBackend(RouteType type) implements BackendFactory {
        @Override
        public List<String> check(BackendContext context) {
            return PROBLEMS.get();
        }

        @Override
        public List<ParkingLot> parkingLots(BackendContext context) {
            return LOTS.get();
        }

        @Override
        public Backend create(BackendContext context) {
            return new NoopBackend();
        }
    }
}

package io.asyncworker.internal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Key;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.spi.ManualTimerService;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class AppLifecycleTest {
    private static final Key<String> DB = Key.of("db", String.class);
    private final List<String> journal = RecordingBackend.journal();
    private final RecordingBackend amqp = new RecordingBackend(RouteType.AMQP_RABBITMQ, journal);
    private final RecordingBackend schedule = new RecordingBackend(RouteType.SCHEDULE, journal);

    private App app() {
        App app = App.create(Settings.from(Map.of()), new ManualTimerService());
        app.backend(amqp).backend(schedule);
        app.route(RecordingBackend.route(RouteType.SCHEDULE, "tick"));
        app.route(RecordingBackend.route(RouteType.AMQP_RABBITMQ, "items"));
        return app;
    }

    @Test
    void startupHooksRunInOrderBeforeBackendsAndShutdownHooksInReverseAfterDrain() {
        App app = app();
        app.onStartup(a -> journal.add("startup 1"));
        app.onStartup(a -> journal.add("startup 2"));
        app.onShutdown(a -> journal.add("shutdown 1"));
        app.onShutdown(a -> journal.add("shutdown 2"));
        app.start();
        assertThat(app.isRunning()).isTrue();
        app.stop();
        assertThat(journal).hasSize(14);
        assertThat(journal.subList(0, 6)).containsExactly("startup 1", "startup 2",
                "AMQP_RABBITMQ create", "AMQP_RABBITMQ start", "SCHEDULE create", "SCHEDULE start");
        assertThat(journal.subList(6, 8)).as("every backend stops intake (at once) before any drains")
                .containsExactlyInAnyOrder("AMQP_RABBITMQ stopIntake", "SCHEDULE stopIntake");
        assertThat(journal.subList(8, 10)).as("all drain at once").containsExactlyInAnyOrder("AMQP_RABBITMQ drain", "SCHEDULE drain");
        assertThat(journal.subList(10, 14)).containsExactly("shutdown 2", "shutdown 1", "SCHEDULE close", "AMQP_RABBITMQ close");
        assertThat(app.isRunning()).isFalse();
    }

    @Test
    void backendsSeeOnlyTheirOwnRoutes() {
        App app = app();
        app.start();
        assertThat(amqp.context.routes()).extracting(r -> r.name()).containsExactly("items");
        assertThat(schedule.context.routes()).extracting(r -> r.name()).containsExactly("tick");
        assertThat(amqp.context.app()).isSameAs(app);
        app.stop();
    }

    @Test
    void stateIsWritableInStartupHooksAndFrozenAfterStart() {
        App app = app();
        app.onStartup(a -> a.put(DB, "connected"));
        app.start();
        assertThat(app.get(DB)).isEqualTo("connected");
        assertThatThrownBy(() -> app.put(DB, "other")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frozen");
        app.stop();
    }

    @Test
    void readingMissingStateNamesTheKey() {
        App app = app();
        assertThat(app.find(DB)).isEmpty();
        assertThatThrownBy(() -> app.get(DB)).isInstanceOf(NoSuchElementException.class).hasMessageContaining("db");
    }

    @Test
    void duplicateRouteNamesAreRejectedAtRegistration() {
        App app = app();
        assertThatThrownBy(() -> app.route(RecordingBackend.route(RouteType.AMQP_RABBITMQ, "items")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate route 'items'");
    }

    @Test
    void registeringAfterStartIsRejected() {
        App app = app();
        app.start();
        assertThatThrownBy(() -> app.route(RecordingBackend.route(RouteType.SCHEDULE, "late")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> app.onStartup(a -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        app.stop();
    }

    @Test
    void aRouteWithoutItsBackendFailsStartNamingTheModule() {
        App app = App.create(Settings.from(Map.of()), new ManualTimerService());
        app.route(RecordingBackend.route(RouteType.SSE, "feed"));
        assertThatThrownBy(app::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed").hasMessageContaining("asyncworker-sse");
    }

    @Test
    void aFailingBackendStopsWhatStartedAndStartThrowsWithTheCause() {
        App app = app();
        app.onShutdown(a -> journal.add("shutdown"));
        schedule.failStart = true;
        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCHEDULE cannot connect")
                .hasRootCauseMessage("SCHEDULE cannot connect");
        assertThat(journal).contains("AMQP_RABBITMQ stopIntake", "AMQP_RABBITMQ close", "SCHEDULE close", "shutdown");
        assertThat(app.isRunning()).isFalse();
    }

    @Test
    void aFailingStartupHookStartsNoBackend() {
        App app = app();
        app.onStartup(a -> {
            throw new java.io.IOException("db down");
        });
        app.onShutdown(a -> journal.add("shutdown"));
        assertThatThrownBy(app::start).hasMessageContaining("db down");
        assertThat(journal).doesNotContain("AMQP_RABBITMQ start", "shutdown");
    }

    @Test
    void shutdownHookFailuresAreLoggedAndTheStopGoesOn() {
        App app = app();
        app.onShutdown(a -> journal.add("shutdown 1"));
        app.onShutdown(a -> {
            throw new IllegalStateException("cannot close");
        });
        app.start();
        app.stop();
        assertThat(journal).contains("shutdown 1", "AMQP_RABBITMQ close");
    }

    @Test
    void healthIsUpOnlyWhileRunningWithEveryComponentUp() {
        App app = app();
        assertThat(app.health().isUp()).isFalse();
        app.start();
        assertThat(app.health().isUp()).isTrue();
        amqp.state = ComponentHealth.State.DOWN;
        assertThat(app.health().isUp()).isFalse();
        assertThat(app.health().problems()).extracting(ComponentHealth::name).containsExactly("items");
        app.stop();
        assertThat(app.health().running()).isFalse();
    }

    @Test
    void stopIsIdempotentAndCloseStops() {
        App app = app();
        app.start();
        app.close();
        app.stop();
        assertThat(journal.stream().filter(e -> e.endsWith("close"))).hasSize(2);
    }

    @Test
    void runBlocksUntilStoppedFromAnotherThread() throws Exception {
        App app = app();
        Thread runner = Thread.ofPlatform().start(app::run);
        await().until(app::isRunning);
        app.stop();
        runner.join(5_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(journal).contains("AMQP_RABBITMQ close");
    }

    @Test
    void checkReportsMissingBackendsWithoutStartingAnything() {
        App app = App.create(Settings.from(Map.of()), new ManualTimerService());
        app.route(RecordingBackend.route(RouteType.SSE, "feed"));
        assertThat(app.check()).singleElement().asString().contains("asyncworker-sse");
        App ok = app();
        assertThat(ok.check()).isEmpty();
        assertThat(journal).isEmpty();
    }

    @Test
    void unusedBackendsDoNotStart() {
        App app = App.create(Settings.from(Map.of()), new ManualTimerService());
        app.backend(amqp);
        app.start();
        app.stop();
        assertThat(journal).isEmpty();
    }
}

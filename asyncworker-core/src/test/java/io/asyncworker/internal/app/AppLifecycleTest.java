package io.asyncworker.internal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Key;
import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.ManualTimerService;
import io.asyncworker.spi.ParkingLot;
import io.asyncworker.spi.Providers;
import io.micrometer.observation.ObservationRegistry;
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
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService())
                .backend(amqp).backend(schedule).build();
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
    void backendsGetTheObservationRegistryTheAppWasBuiltWith() {
        ObservationRegistry observations = ObservationRegistry.create();
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).backend(amqp)
                .observations(observations).build();
        app.route(RecordingBackend.route(RouteType.AMQP_RABBITMQ, "items"));
        app.start();
        assertThat(app.observations()).isSameAs(observations);
        assertThat(amqp.context.observations()).isSameAs(observations);
        app.stop();
        assertThat(app().observations()).as("by default").isSameAs(ObservationRegistry.NOOP);
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
    void aRouteWithoutItsBackendFailsStartNamingTheServiceFileAndTheRoutesJar() {
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build();
        app.route(RecordingBackend.route(RouteType.SSE, "feed"));
        assertThatThrownBy(app::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed").hasMessageContaining("META-INF/services/io.asyncworker.spi.BackendFactory")
                .hasMessageContaining("ServicesResourceTransformer");
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
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build();
        app.route(RecordingBackend.route(RouteType.SSE, "feed"));
        assertThat(app.check()).singleElement().asString().contains("no backend for route 'feed' of type SSE");
        App ok = app();
        assertThat(ok.check()).isEmpty();
        assertThat(journal).isEmpty();
    }

    @Test
    void parkingLotsComeFromEveryBackendInUseWithoutStartingAnything() {
        App app = app();
        assertThat(Providers.parkingLots(app)).extracting(ParkingLot::route, ParkingLot::name)
                .containsExactly(tuple("items", "items.parked"), tuple("tick", "tick.parked"));
        assertThat(journal).isEmpty();
        App missing = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).build();
        missing.route(RecordingBackend.route(RouteType.SSE, "feed"));
        assertThatThrownBy(() -> Providers.parkingLots(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no backend for route 'feed'");
    }

    @Test
    void parkingLotsRejectAnAppNotBuiltByApp() {
        App foreign = (App) java.lang.reflect.Proxy.newProxyInstance(App.class.getClassLoader(),
                new Class<?>[] {App.class}, (proxy, method, args) -> null);
        assertThatThrownBy(() -> Providers.parkingLots(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an app built by App.create() or App.builder()");
    }

    @Test
    void unusedBackendsDoNotStart() {
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).backend(amqp).build();
        app.start();
        app.stop();
        assertThat(journal).isEmpty();
    }

    @Test
    void backendsStartByPhaseWhateverTheirRegistrationOrder() {
        RecordingBackend server = new RecordingBackend(RouteType.of("SERVER"), journal, BackendFactory.PHASE_SERVER);
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService())
                .backend(schedule).backend(server).backend(amqp).build();
        app.route(RecordingBackend.route(RouteType.SCHEDULE, "tick"));
        app.route(RecordingBackend.route(RouteType.of("SERVER"), "web"));
        app.route(RecordingBackend.route(RouteType.AMQP_RABBITMQ, "items"));
        app.start();
        app.stop();
        assertThat(journal.stream().filter(e -> e.endsWith(" start")))
                .containsExactly("SERVER start", "AMQP_RABBITMQ start", "SCHEDULE start");
    }

    @Test
    void aThirdPartyRouteTypeIsServedByItsOwnBackend() {
        RecordingBackend kafka = new RecordingBackend(RouteType.of("KAFKA"), journal);
        App app = App.builder().settings(Settings.from(Map.of())).timer(new ManualTimerService()).backend(kafka).build();
        app.route(RecordingBackend.route(RouteType.of("KAFKA"), "orders"));
        app.start();
        assertThat(kafka.context.routes()).extracting(r -> r.name()).containsExactly("orders");
        app.stop();
        assertThat(journal).contains("KAFKA start", "KAFKA close");
    }

    @Test
    void aGivenBackendsSettingsAreValidatedWhenTheAppIsBuilt() {
        Setting<Integer> limit = Setting.integer("ASYNCWORKER_KAFKA_LIMIT", 5, 1, 10);
        RecordingBackend kafka = new RecordingBackend(RouteType.of("KAFKA"), journal) {
            @Override
            public List<Setting<?>> settings() {
                return List.of(limit);
            }
        };
        App.Builder builder = App.builder().settings(Settings.from(Map.of("ASYNCWORKER_KAFKA_LIMIT", "11"))).backend(kafka);
        assertThatThrownBy(builder::build).hasMessageContaining("ASYNCWORKER_KAFKA_LIMIT='11'");
        App app = App.builder().settings(Settings.from(Map.of("ASYNCWORKER_KAFKA_LIMIT", "7"))).backend(kafka).build();
        assertThat(app.settings().get(limit)).isEqualTo(7);
        assertThat(app.settings().describe()).containsKey("ASYNCWORKER_KAFKA_LIMIT");
        app.close();
    }

    @Test
    void stopDuringStartWaitsAndTheStartEndsStoppedInsteadOfThrowing() throws Exception {
        interruptStart(App::stop);
    }

    @Test
    void closeDuringStartWaitsAndTheStartEndsStoppedInsteadOfThrowing() throws Exception {
        interruptStart(App::close);
    }

    /** Starts an app whose startup hook waits, calls {@code stopper} meanwhile, then lets the hook go on. */
    private void interruptStart(java.util.function.Consumer<App> stopper) throws Exception {
        java.util.concurrent.CountDownLatch inHook = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        App app = app();
        app.onStartup(a -> {
            inHook.countDown();
            release.await();
        });
        java.util.concurrent.CompletableFuture<Void> start = java.util.concurrent.CompletableFuture.runAsync(app::start);
        inHook.await();
        java.util.concurrent.atomic.AtomicReference<Throwable> stopFailure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread stopping = Thread.ofPlatform().uncaughtExceptionHandler((t, e) -> stopFailure.set(e))
                .start(() -> stopper.accept(app));
        await().until(() -> stopping.getState() == Thread.State.WAITING);
        release.countDown();
        assertThat(start).as("start() returns normally").succeedsWithin(java.time.Duration.ofSeconds(5));
        stopping.join(5_000);
        assertThat(stopping.isAlive()).isFalse();
        assertThat(stopFailure.get()).as("the stop returns normally").isNull();
        assertThat(app.isRunning()).isFalse();
        assertThat(journal).as("the start was cut short before any backend").doesNotContain("AMQP_RABBITMQ start");
    }
}

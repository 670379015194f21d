package io.asyncworker.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.App;
import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import io.asyncworker.cli.NoopBackend;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.DevService;
import io.asyncworker.spi.DevServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generic dev mode: which dev services run, and how their settings reach the app. No backend module. */
class PreparedAppTest {
    private static final RouteType QUEUE = RouteType.of("TEST_QUEUE");
    private static final RouteType FEED = RouteType.of("TEST_FEED");
    private static final Setting<String> URL = Setting.of("ASYNCWORKER_TEST_QUEUE_URL", null, raw -> raw);

    private final AtomicInteger builds = new AtomicInteger();
    private final List<String> events = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    @AfterEach
    void clear() {
        System.clearProperty(Settings.DEV.name());
    }

    /** A dev service that starts a "system" or, with {@code running} empty, finds the configured one. */
    private final class FakeService implements DevService {
        private final RouteType type;
        private final boolean starts;

        FakeService(RouteType type, boolean starts) {
            this.type = type;
            this.starts = starts;
        }

        @Override
        public RouteType type() {
            return type;
        }

        @Override
        public Optional<Running> ensure(Settings settings) {
            events.add("ensure " + type);
            return starts ? Optional.of(new FakeRunning(type)) : Optional.empty();
        }
    }

    private final class FakeRunning implements DevService.Running {
        private final RouteType type;

        FakeRunning(RouteType type) {
            this.type = type;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of(URL.name(), "test://" + type.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String description() {
            return "a fake " + type;
        }

        @Override
        public void close() {
            events.add("close " + type);
        }
    }

    private static final class Refusing implements DevService {
        @Override
        public RouteType type() {
            return FEED;
        }

        @Override
        public Optional<Running> ensure(Settings settings) throws DevServiceException {
            throw new DevServiceException("no feed server can be had: start one");
        }
    }

    private record TestRoute(RouteType type) implements Route {
        @Override public String name() { return "r-" + type; }
        @Override public List<String> sources() { return List.of("s"); }
        @Override public List<RouteOption> describe(Settings settings) { return List.of(); }
    }

    /** Declares {@link #URL}, so that an app knows the setting a dev service hands over. */
    private record TestBackend(RouteType type) implements BackendFactory {
        @Override
        public List<Setting<?>> settings() {
            return List.of(URL);
        }

        @Override
        public Backend create(BackendContext context) {
            return new NoopBackend();
        }
    }

    private App build(RouteType... types) {
        builds.incrementAndGet();
        App.Builder builder = App.builder();
        for (RouteType type : types) {
            builder.backend(new TestBackend(type));
        }
        App app = builder.build();
        for (RouteType type : types) {
            app.route(new TestRoute(type));
        }
        return app;
    }

    private static DevServices services(DevService... services) {
        return new DevServices(List.of(services), type -> Optional.of("com.acme:" + type.name().toLowerCase(java.util.Locale.ROOT) + "-dev"));
    }

    @Test
    void aStartedSystemsSettingsReachTheRebuiltAppInScopeWithoutAnySystemProperty() throws Exception {
        try (PreparedApp prepared = PreparedApp.prepare(() -> build(QUEUE), true, services(new FakeService(QUEUE, true)),
                missing::add)) {
            assertThat(builds).hasValue(2);
            assertThat(prepared.app().settings().find(URL)).contains("test://test_queue");
            assertThat(prepared.app().settings().origin(URL)).isEqualTo(Origin.DEV_SERVICE);
            assertThat(System.getProperty(URL.name())).isNull();
            assertThat(events).containsExactly("ensure TEST_QUEUE");
        }
        assertThat(events).containsExactly("ensure TEST_QUEUE", "close TEST_QUEUE");
        assertThat(missing).isEmpty();
        assertThat(Settings.fromEnv().find(URL)).as("outside the scope").isEmpty();
    }

    @Test
    void aConfiguredSystemThatAnswersBuildsTheAppOnce() throws Exception {
        try (PreparedApp prepared = PreparedApp.prepare(() -> build(QUEUE), true, services(new FakeService(QUEUE, false)),
                missing::add)) {
            assertThat(builds).hasValue(1);
            assertThat(prepared.app().settings().find(URL)).isEmpty();
        }
        assertThat(events).containsExactly("ensure TEST_QUEUE");
    }

    @Test
    void asyncworkerDevTrueAsksForDevServicesLikeTheFlag() throws Exception {
        System.setProperty(Settings.DEV.name(), "true");
        try (PreparedApp prepared = PreparedApp.prepare(() -> build(QUEUE), false, services(new FakeService(QUEUE, true)),
                missing::add)) {
            assertThat(prepared.app().settings().find(URL)).contains("test://test_queue");
        }
        assertThat(events).contains("ensure TEST_QUEUE");
    }

    @Test
    void withoutDevModeNoDevServiceIsAsked() throws Exception {
        try (PreparedApp prepared = PreparedApp.prepare(() -> build(QUEUE), false, services(new FakeService(QUEUE, true)),
                missing::add)) {
            assertThat(builds).hasValue(1);
        }
        assertThat(events).isEmpty();
        assertThat(missing).isEmpty();
    }

    @Test
    void onlyTheDevServicesOfTheAppsRouteTypesRun() throws Exception {
        try (PreparedApp prepared = PreparedApp.prepare(() -> build(FEED), true,
                services(new FakeService(QUEUE, true), new FakeService(FEED, false)), missing::add)) {
            assertThat(prepared.app().routes()).hasSize(1);
        }
        assertThat(events).containsExactly("ensure TEST_FEED");
    }

    @Test
    void aRouteTypeWithoutItsDevServiceGetsOneLineNamingTheModuleToAdd() throws Exception {
        DevServices none = new DevServices(List.of(), type -> type.equals(QUEUE) ? Optional.of("com.acme:queue-dev")
                : Optional.empty());
        try (PreparedApp prepared = PreparedApp.prepare(() -> build(QUEUE, FEED), true, none, missing::add)) {
            assertThat(builds).hasValue(1);
        }
        assertThat(missing).singleElement().asString()
                .startsWith("dev: no dev service for the TEST_QUEUE routes on the class path; add com.acme:queue-dev");
    }

    @Test
    void aDevServiceThatCannotProvideItsSystemStopsWhatOthersStartedAndTheAppIsNotBuiltAgain() {
        assertThatThrownBy(() -> PreparedApp.prepare(() -> build(QUEUE, FEED), true,
                services(new FakeService(QUEUE, true), new Refusing()), missing::add))
                .isInstanceOf(DevServiceException.class).hasMessage("no feed server can be had: start one");
        assertThat(builds).hasValue(1);
        assertThat(events).containsExactly("ensure TEST_QUEUE", "close TEST_QUEUE");
    }

    @Test
    void aRebuildThatFailsStopsTheStartedSystems() {
        PreparedApp.Builder failsSecondTime = () -> {
            if (builds.get() == 1) {
                builds.incrementAndGet();
                throw new WorkerException("Worker.app() failed: no database");
            }
            return build(QUEUE);
        };
        assertThatThrownBy(() -> PreparedApp.prepare(failsSecondTime, true, services(new FakeService(QUEUE, true)),
                missing::add)).isInstanceOf(WorkerException.class).hasMessageContaining("no database");
        assertThat(events).containsExactly("ensure TEST_QUEUE", "close TEST_QUEUE");
    }
}

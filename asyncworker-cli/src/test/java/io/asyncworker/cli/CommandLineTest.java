package io.asyncworker.cli;

import io.asyncworker.rabbitmq.AmqpSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
    private static final String FACTORY = TestWorkers.Factory.class.getName();
    private static final String STATIC = TestWorkers.StaticApp.class.getName();

    @AfterEach
    void clear() {
        System.clearProperty(Settings.FLUSH_TIMEOUT.name());
        System.clearProperty(AmqpSettings.PASSWORD.name());
        TestWorkers.PROBLEMS.set(List.of());
        TestWorkers.LOTS.set(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "routes", "check", "parking-lot list", "parking-lot replay", "parking-lot purge"})
    void everyCommandHasHelp(String command) {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Run run = Run.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: asyncworker " + command).contains("<class>").contains("Exit codes");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Run run = Run.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run ").contains("routes ").contains("check ").contains("parking-lot ");
    }

    @Test
    void unknownClassExitsTwoNamingIt() {
        Run run = Run.of("routes", "com.acme.DoesNotExist");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot load worker class com.acme.DoesNotExist").contains("--classpath");
    }

    @Test
    void classWithoutAppExitsTwoSayingWhatIsNeeded() {
        Run run = Run.of("check", TestWorkers.NoApp.class.getName());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("has no app() method").contains("public static App app()").contains("AppFactory");
    }

    @Test
    void appThatThrowsExitsTwoWithTheCause() {
        Run run = Run.of("run", TestWorkers.Throwing.class.getName());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Throwing.app() failed").contains("database password missing");
    }

    @Test
    void missingClassArgumentIsAUsageError() {
        Run run = Run.of("routes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: '<class>'");
    }

    @Test
    void routesPrintsEffectiveOptionsWithOriginsAndMaskedSettings() {
        System.setProperty(Settings.FLUSH_TIMEOUT.name(), "2s");
        System.setProperty(AmqpSettings.PASSWORD.name(), "s3cret");
        Run run = Run.of("routes", FACTORY);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(FACTORY + ": 1 route")
                .contains("route orders  [SCHEDULE]")
                .contains("sources: orders, orders-retry")
                .containsPattern("bulkSize +50 +code")
                .containsPattern("flushTimeout +PT2S +ASYNCWORKER_FLUSH_TIMEOUT")
                .containsPattern("onSuccess +ACK +default")
                .containsPattern("onException +REJECT +code")
                .containsPattern("ASYNCWORKER_FLUSH_TIMEOUT +2s +system property")
                .containsPattern("ASYNCWORKER_AMQP_PASSWORD +\\*\\*\\*\\* +system property")
                .containsPattern("ASYNCWORKER_SHUTDOWN_TIMEOUT +30 +default")
                .doesNotContain("s3cret");
    }

    @Test
    void checkExitsZeroWhenNothingIsMissing() {
        Run run = Run.of("check", FACTORY);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("check " + FACTORY + ": OK (1 route)");
    }

    @Test
    void checkExitsOneListingEachProblem() {
        TestWorkers.PROBLEMS.set(List.of("queue 'orders' does not exist", "queue 'orders-retry' does not exist"));
        Run run = Run.of("check", FACTORY);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(": 2 problems\n")
                .contains("  - queue 'orders' does not exist").contains("  - queue 'orders-retry' does not exist");
    }

    @Test
    void runStartsTheAppAndReturnsZeroOnceItStops() throws Exception {
        TestWorkers.LAST.set(null);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> Run.of("run", STATIC));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> TestWorkers.LAST.get() != null && TestWorkers.LAST.get().isRunning());
        TestWorkers.LAST.get().stop();
        assertThat(running.get().exitCode()).isZero();
    }

    @Test
    void runExitsOneWhenTheAppCannotStart() {
        Run run = Run.of("run", TestWorkers.NoBackend.class.getName());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("NoBackend failed").contains("no backend for route 'feed' of type SSE");
    }

    @Test
    void classpathOptionLoadsAWorkerFromElsewhere(@TempDir Path dir) throws Exception {
        Path classes = WorkerCompiler.compile(dir, "com.acme.Worker", """
                package com.acme;
                import io.asyncworker.*;
                import java.util.List;
                public class Worker {
                    public static App app() {
                        return App.create().route(new Route() {
                            public RouteType type() { return RouteType.SCHEDULE; }
                            public String name() { return "tick"; }
                            public List<String> sources() { return List.of("every 5s"); }
                            public List<RouteOption> describe(Settings s) {
                                return List.of(new RouteOption("interval", "PT5S", Origin.CODE));
                            }
                        });
                    }
                }
                """);
        assertThat(Run.of("routes", "com.acme.Worker").exitCode()).isEqualTo(2);
        Run run = Run.of("routes", "--classpath", classes.toString(), "com.acme.Worker");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("route tick  [SCHEDULE]").containsPattern("interval +PT5S +code");
    }

    @Test
    void classpathEntryThatDoesNotExistExitsTwo(@TempDir Path dir) {
        Run run = Run.of("routes", "--classpath", dir.resolve("nope.jar").toString(), FACTORY);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nope.jar does not exist");
        assertThat(Files.exists(dir.resolve("nope.jar"))).isFalse();
    }

    @Test
    void parkingLotListShowsEachLotsCountAndItsFirstMessagesMovingNothing() {
        MemoryLot lot = new MemoryLot("orders", "orders.parking-lot", 3);
        TestWorkers.LOTS.set(List.of(lot));
        Run run = Run.of("parking-lot", "list", "--limit", "2", STATIC);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("parking lot orders.parking-lot of route orders (replays to queue orders): 3 messages\n")
                .contains("  m1\n").contains("    exception: java.lang.IllegalStateException\n").contains("    body: {\"id\":1}\n")
                .contains("  m2\n").doesNotContain("  m3\n").contains("  ... 1 more\n");
        assertThat(lot.parked).hasSize(3);
    }

    @Test
    void parkingLotReplayAndPurgeMoveAndDeleteUpToTheLimitOfTheChosenRoute() {
        MemoryLot orders = new MemoryLot("orders", "orders.parking-lot", 3);
        MemoryLot other = new MemoryLot("other", "other.parking-lot", 2);
        TestWorkers.LOTS.set(List.of(orders, other));
        Run replay = Run.of("parking-lot", "replay", "--route", "orders", "--limit", "2", STATIC);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).isEqualTo("replayed 2 messages from orders.parking-lot to queue orders\n");
        assertThat(replay.err()).contains("asyncworker: orders.parking-lot: replaying");
        assertThat(orders.replayed).extracting(m -> m.id()).containsExactly("m1", "m2");
        assertThat(other.replayed).isEmpty();

        Run purge = Run.of("parking-lot", "purge", STATIC);
        assertThat(purge.exitCode()).isZero();
        assertThat(purge.out()).isEqualTo("purged 1 messages from orders.parking-lot\npurged 2 messages from other.parking-lot\n");
    }

    @Test
    void parkingLotWithAnUnknownRouteOrABadLimitExitsTwo() {
        TestWorkers.LOTS.set(List.of(new MemoryLot("orders", "orders.parking-lot", 1)));
        Run unknown = Run.of("parking-lot", "list", "--route", "nope", STATIC);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no route 'nope' with a parking lot").contains("routes with one: orders");
        Run zero = Run.of("parking-lot", "replay", "--limit", "0", STATIC);
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--limit must be at least 1");
        Run missing = Run.of("parking-lot", STATIC);
        assertThat(missing.exitCode()).isEqualTo(2);
    }

    @Test
    void parkingLotWithoutLotsSaysSoAndSucceeds() {
        Run run = Run.of("parking-lot", "list", FACTORY);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no route has a parking lot");
    }

    @Test
    void parkingLotRunsInTheWorkersClassLoaderWithItsOptions(@TempDir Path dir) throws Exception {
        Path classes = WorkerCompiler.compile(dir, "com.acme.LotWorker", """
                package com.acme;
                import io.asyncworker.*;
                public class LotWorker {
                    public static App app() {
                        return App.create();
                    }
                }
                """);
        Run run = Run.of("parking-lot", "list", "--limit", "3", "--classpath", classes.toString(), "com.acme.LotWorker");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("com.acme.LotWorker: no route has a parking lot");
    }
}

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
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "routes", "check"})
    void everyCommandHasHelp(String command) {
        Run run = Run.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: asyncworker " + command).contains("<class>").contains("Exit codes");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Run run = Run.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run ").contains("routes ").contains("check ");
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
}

package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) {
        return Main.launch(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    @Test
    void helpListsTheExamplesInsteadOfLookingForAClassNamedHelp() {
        assertThat(launch("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar asyncworker-examples.jar")
                .contains("ItemsWorker").contains("HooksExample");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpAfterACommandShowsThatCommandsHelp() {
        assertThat(launch("run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: asyncworker run").contains("--dev");
    }

    @Test
    void anUnknownExampleExitsTwoListingTheKnownOnes() {
        assertThat(launch("routes", "ItemWorker")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no example 'ItemWorker'").contains("ItemsWorker");
    }

    @Test
    void routesOfAnExampleByItsSimpleName() {
        assertThat(launch("routes", "ScheduledTasks")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("io.asyncworker.examples.ScheduledTasks: 2 routes")
                .contains("route heartbeat  [SCHEDULE]").containsPattern("runOnStartup +true +code");
    }

    @Test
    void everyListedExampleIsAClassWithAnAppMethod() throws Exception {
        for (String example : Main.EXAMPLES) {
            assertThat(Class.forName(Main.class.getPackageName() + "." + example).getMethod("app").getReturnType())
                    .isEqualTo(io.asyncworker.App.class);
        }
    }
}

package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HooksExampleTest {

    @Test
    void startupHookOpensTheTypedStateHandlersUseItAndShutdownClosesIt() {
        try (Example example = new Example()) {
            example.set("EXAMPLE_INTERVAL", "PT0.05S");
            App app = HooksExample.app();
            assertThat(app.find(HooksExample.DB)).as("nothing before start").isEmpty();
            example.start(() -> app);

            HooksExample.Db db = app.get(HooksExample.DB);
            await().atMost(Duration.ofSeconds(5)).until(() -> db.rows.size() >= 3);
            assertThat(db.closed).isFalse();
            assertThatThrownBy(() -> app.put(HooksExample.DB, new HooksExample.Db()))
                    .isInstanceOf(IllegalStateException.class);

            app.stop();
            assertThat(db.closed).isTrue();
            assertThat(db.rows).startsWith("run 1", "run 2", "run 3");
        }
    }
}

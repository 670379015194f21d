package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoWorkerIT {

    @Test
    void publishesItsOwnMessagesAndHandlesThemInBatchesWithinSeconds() throws Exception {
        try (Example example = new Example().withBroker()) {
            String queue = example.queue("demo");
            example.set("EXAMPLE_QUEUE", queue);
            App app = example.start(DemoWorker::app);

            DemoWorker.Stats stats = app.get(DemoWorker.STATS);
            await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
                assertThat(stats.messages().sum()).isEqualTo(25);
                assertThat(stats.batches().sum()).isGreaterThanOrEqualTo(3);   // 10 + 10 + 5 after the flush timeout
            });
            assertThat(Http.get(app, "/stats").body()).contains("\"messages\":25");
            assertThat(Http.get(app, "/health").statusCode()).isEqualTo(200);
            app.stop();
            assertThat(Broker.ready(queue)).isZero();
        }
    }
}

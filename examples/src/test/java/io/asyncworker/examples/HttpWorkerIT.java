package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpWorkerIT {

    @Test
    void countsViewsFromTheQueueAndServesThemWithMetricsAndHealth() throws Exception {
        try (Example example = new Example().withBroker()) {
            String queue = example.queue("page-views");
            example.set("EXAMPLE_QUEUE", queue);
            App app = example.start(HttpWorker::app);

            Broker.publish(queue, "{\"page\":\"home\",\"user\":\"ann\"}");
            Broker.publish(queue, "{\"page\":\"home\",\"user\":\"bob\"}");
            Broker.publish(queue, "{\"page\":\"about\",\"user\":\"ann\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Http.get(app, "/views/home").body()).contains("\"views\":2"));
            assertThat(Http.get(app, "/views/about").body()).contains("\"views\":1");
            assertThat(Http.get(app, "/views/nowhere").body()).contains("\"views\":0");

            var health = Http.get(app, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            var metrics = Http.get(app, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("asyncworker_messages_received", "jvm_memory_used_bytes", "process_cpu_usage");
            assertThat(Http.get(app, "/health/live").statusCode()).isEqualTo(200);
            assertThat(Http.get(app, "/health/ready").statusCode()).isEqualTo(200);
            app.stop();
            assertThat(Broker.ready(queue)).as("acked, not only delivered").isZero();
        }
    }
}

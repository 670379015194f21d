package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ItemsWorkerIT {

    @Test
    void savesValidItemsAndDeadLettersInvalidUndecodableAndUnsavedItemsToAQueueItDeclaresItself() throws Exception {
        try (Example example = new Example().withBroker()) {
            String queue = example.queue("items");
            example.set("EXAMPLE_QUEUE", queue);
            String rejected = example.alsoDelete(queue + ".rejected");    // the example declares it
            App app = example.start(ItemsWorker::app);

            for (String item : new String[] {"apple", "pear", "plum"}) {
                Broker.publish(queue, "{\"name\":\"" + item + "\",\"quantity\":2}");
            }
            Broker.publish(queue, "{\"name\":\"broken\",\"quantity\":-1}");
            Broker.publish(queue, "not json at all");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(app.get(ItemsWorker.SAVED).sum()).isEqualTo(3);
                assertThat(Broker.ready(rejected)).isEqualTo(2);
            });

            Broker.publish(queue, "{\"name\":\"fig\",\"quantity\":1}");       // saved and accepted before ...
            Broker.publish(queue, "{\"name\":\"explode\",\"quantity\":1}");   // ... this one throws
            await().atMost(Duration.ofSeconds(10)).until(() -> Broker.ready(rejected) == 3);
            app.stop();
            assertThat(Broker.ready(queue)).as("nothing requeued, nothing left unacked").isZero();
            assertThat(app.get(ItemsWorker.SAVED).sum()).isEqualTo(4);
            assertThat(Broker.bodies(rejected)).as("fig was saved, so it is not dead-lettered with explode")
                    .containsExactlyInAnyOrder("{\"name\":\"broken\",\"quantity\":-1}", "not json at all",
                            "{\"name\":\"explode\",\"quantity\":1}");
        }
    }
}

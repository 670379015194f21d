package io.asyncworker.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.Settings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The README's in-memory example, as written there: it must keep working. */
class ReadmeExampleTest {
    private final List<Order> orders = new CopyOnWriteArrayList<>();

    @Test
    void savesGoodOrdersAndRejectsBadOnes() {
        InMemoryBroker broker = InMemoryBroker.create();
        try (App app = App.create(Settings.from(Map.of()))) {
            app.connection(broker);
            app.route(InMemoryRoute.consume("orders").bodyType(Order.class)
                    .handler(batch -> batch.forEach(m -> orders.add(m.body(Order.class)))));
            app.start();
            assertThat(broker.send("orders", new Order(1, "book")).awaitSettled()).isEqualTo(Action.ACK);
            assertThat(broker.send("orders", "not json").awaitSettled()).isEqualTo(Action.REJECT);
        }
        assertThat(orders).containsExactly(new Order(1, "book"));
    }
}

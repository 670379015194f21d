package io.asyncworker.test;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bodyType}: bodies that do not decode never reach the handler; they are rejected and counted. */
class InMemoryDecodeTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();
    private final List<Order> handled = new CopyOnWriteArrayList<>();

    @Test
    void anUndecodableBodyAndAJsonNullAreRejectedAndCountedAndTheRestIsHandled() {
        apps.start(InMemoryRoute.consume("orders").bulkSize(3).bodyType(Order.class)
                .handler(batch -> batch.forEach(m -> handled.add(m.body(Order.class)))));
        Sent garbage = apps.broker.send("orders", "{\"id\": \"not a number\"}");
        Sent jsonNull = apps.broker.send("orders", "null");
        Sent good = apps.broker.send("orders", new Order(1, "book"));

        assertThat(garbage.awaitSettled()).isEqualTo(REJECT);
        assertThat(jsonNull.awaitSettled()).isEqualTo(REJECT);
        assertThat(good.awaitSettled()).isEqualTo(ACK);
        assertThat(handled).containsExactly(new Order(1, "book"));
        assertThat(apps.broker.deadLetters("orders")).containsExactly(garbage, jsonNull);
        assertThat(apps.count("asyncworker.messages.invalid", "queue", "orders", "reason", "decode")).isEqualTo(2);
        assertThat(apps.count("asyncworker.messages.settled", "action", "reject")).isEqualTo(2);
    }

    @Test
    void aBatchOfOnlyUndecodableBodiesNeverCallsTheHandler() {
        List<Integer> calls = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("orders").bodyType(Order.class).handler(batch -> calls.add(batch.size())));

        assertThat(apps.broker.send("orders", "[1, 2]").awaitSettled()).isEqualTo(REJECT);
        assertThat(calls).isEmpty();
    }
}

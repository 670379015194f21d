package io.asyncworker.test;

import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code maxDeliveries}: a message that keeps failing is rejected on its last allowed delivery. */
class InMemoryDeliveryLimitTest {
    @RegisterExtension
    final MemoryApps apps = new MemoryApps();

    @Test
    void aPoisonMessageIsDeadLetteredOnItsThirdDelivery() {
        List<Long> seen = new CopyOnWriteArrayList<>();
        apps.start(InMemoryRoute.consume("q").maxDeliveries(3).handler(batch -> {
            seen.add(batch.get(0).deliveryCount());
            throw new IllegalStateException("poison");
        }));
        Sent poison = apps.broker.send("q", "poison");

        assertThat(poison.awaitSettled(1)).isEqualTo(REQUEUE);
        await().until(() -> apps.timer.pending() == 1);   // the second requeue is held 100 ms
        apps.timer.advance(Duration.ofMillis(100));

        assertThat(poison.awaitFinal()).isEqualTo(REJECT);
        assertThat(poison.actions()).containsExactly(REQUEUE, REQUEUE, REJECT);
        assertThat(seen).containsExactly(1L, 2L, 3L);
        assertThat(apps.broker.deadLetters("q")).containsExactly(poison);
        assertThat(apps.broker.ready("q") + apps.broker.unacked("q")).isZero();
        assertThat(apps.count("asyncworker.messages.settled", "action", "reject")).isEqualTo(1);
    }

    @Test
    void aMessageTheHandlerAcceptsIsNotLimited() {
        apps.start(InMemoryRoute.consume("q").maxDeliveries(1).handler(batch -> batch.forEach(InMemoryMessage::accept)));

        assertThat(apps.broker.send("q", "fine").awaitFinal()).isEqualTo(io.asyncworker.Action.ACK);
    }

    @Test
    void anExplicitRequeueOnTheLastAllowedDeliveryBecomesAReject() {
        apps.start(InMemoryRoute.consume("q").maxDeliveries(1).handler(batch -> batch.get(0).reject(true)));
        Sent sent = apps.broker.send("q", "again");

        assertThat(sent.awaitSettled()).isEqualTo(REJECT);
        assertThat(sent.deliveryCount()).isEqualTo(1);
    }
}

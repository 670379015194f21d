package io.asyncworker.test.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.spi.ManualTimerService;
import io.asyncworker.spi.Verdict;
import io.asyncworker.test.InMemoryBroker;
import io.asyncworker.test.Sent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The verdicts the core's pipeline does not give yet (RETRY, PARK), handed to the sink directly, and the
 * queue's bookkeeping around a settlement.
 */
class MemorySettlerTest {
    private final ManualTimerService timer = new ManualTimerService();
    private final MemoryBroker broker = (MemoryBroker) InMemoryBroker.builder().prefetch(1).build();
    private final List<MemoryDelivery> delivered = new CopyOnWriteArrayList<>();
    private final MemorySettler settler = new MemorySettler("r");

    private Subscription subscribe() {
        return broker.queue("q").subscribe(new Subscription.Target() {
            @Override
            public void deliver(MemoryDelivery delivery) {
                delivered.add(delivery);
            }

            @Override
            public void channelDied(String queue) {
            }
        }, broker.prefetch(), timer);
    }

    @Test
    void aRetryIsDeliveredAgainOnceItsDelayHasPassedOnTheTimer() {
        subscribe();
        Sent sent = broker.send("q", "x");
        Verdict retry = Verdict.retry(Duration.ofSeconds(2), 2, new Verdict.Failure("java.io.IOException", "down"));
        settler.settle(List.of(delivered.get(0)), List.of(retry));

        timer.advance(Duration.ofMillis(1_999));
        assertThat(delivered).hasSize(1);
        assertThat(broker.ready("q") + broker.unacked("q")).as("neither ready nor delivered while it waits").isZero();
        timer.advance(Duration.ofMillis(1));
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(1).deliveryCount()).isEqualTo(2);
        assertThat(sent.verdicts()).containsExactly(retry);
    }

    @Test
    void aRetryWaitingWhenItsAppStopsGoesBackToTheQueueAtOnce() {
        Subscription subscription = subscribe();
        broker.send("q", "x");
        settler.settle(List.of(delivered.get(0)), List.of(Verdict.retry(Duration.ofMinutes(5), 2, null)));

        subscription.close();
        assertThat(broker.ready("q")).as("not lost with the app's timer").isEqualTo(1);
        timer.advance(Duration.ofMinutes(5));
        assertThat(broker.ready("q")).as("and not added twice").isEqualTo(1);
    }

    @Test
    void aParkedMessageIsADeadLetterAndFreesTheWindow() {
        subscribe();
        Sent parked = broker.send("q", "x");
        broker.send("q", "y");
        assertThat(delivered).as("prefetch 1").hasSize(1);

        settler.settle(List.of(delivered.get(0)), List.of(Verdict.park(3, new Verdict.Failure("boom", "it broke"))));
        assertThat(broker.deadLetters("q")).containsExactly(parked);
        assertThat(parked.awaitFinal()).isEqualTo(io.asyncworker.Action.REJECT);
        assertThat(delivered).as("the freed window takes the next message").hasSize(2);
    }

    @Test
    void aSecondSettlementOfOneDeliveryIsIgnored() {
        subscribe();
        Sent sent = broker.send("q", "x");
        settler.settle(List.of(delivered.get(0)), List.of(Verdict.ACK));
        settler.settle(List.of(delivered.get(0)), List.of(Verdict.REQUEUE));

        assertThat(sent.verdicts()).containsExactly(Verdict.ACK);
        assertThat(broker.ready("q")).isZero();
    }
}

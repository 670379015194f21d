package io.asyncworker.sse.internal;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResumeTrackerTest {
    private final ResumeTracker tracker = new ResumeTracker("");

    @Test
    void advancesOnlyInStreamOrderWhenBatchesFinishOutOfOrder() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        long c = tracker.deliver();
        tracker.settle(c, ACK, "3");
        tracker.settle(b, ACK, "2");
        assertThat(tracker.resumeId()).isEmpty();
        assertThat(tracker.unsettled()).isEqualTo(3);
        tracker.settle(a, ACK, "1");
        assertThat(tracker.resumeId()).isEqualTo("3");
        assertThat(tracker.quiescent()).isTrue();
    }

    @Test
    void rejectMovesPastTheEvent() {
        long a = tracker.deliver();
        tracker.settle(a, REJECT, "1");
        assertThat(tracker.resumeId()).isEqualTo("1");
        assertThat(tracker.frozen()).isFalse();
    }

    @Test
    void requeueFreezesTheResumePointUntilReconnect() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        long c = tracker.deliver();
        tracker.settle(a, ACK, "1");
        assertThat(tracker.settle(b, REQUEUE, "2")).isEqualTo(ResumeTracker.Change.REQUEUED);
        assertThat(tracker.isStale(c)).isTrue();
        assertThat(tracker.isStale(b)).isFalse();
        tracker.settle(c, ACK, "3");
        assertThat(tracker.resumeId()).isEqualTo("1");
        assertThat(tracker.deliveryCount()).isEqualTo(2);

        tracker.reconnected();
        assertThat(tracker.frozen()).isFalse();
        long again = tracker.deliver();
        assertThat(tracker.isStale(again)).isFalse();
        tracker.settle(again, ACK, "2");
        assertThat(tracker.resumeId()).isEqualTo("2");
        assertThat(tracker.deliveryCount()).isEqualTo(1);
    }

    @Test
    void requeueReportedOnceEvenWhenTheWholeBatchIsRequeued() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        assertThat(tracker.settle(b, REQUEUE, "2")).isEqualTo(ResumeTracker.Change.NONE);
        assertThat(tracker.settle(a, REQUEUE, "1")).isEqualTo(ResumeTracker.Change.REQUEUED);
        assertThat(tracker.resumeId()).isEmpty();
    }

    @Test
    void idOnlyDispatchAdvancesOnceEarlierEventsFinish() {
        long a = tracker.deliver();
        tracker.idOnly("5");
        assertThat(tracker.resumeId()).isEmpty();
        tracker.settle(a, ACK, "4");
        assertThat(tracker.resumeId()).isEqualTo("5");
    }

    @Test
    void startsFromTheInitialId() {
        assertThat(new ResumeTracker("99").resumeId()).isEqualTo("99");
    }

    @Test
    void ignoresAlreadySettledSequenceNumbers() {
        long a = tracker.deliver();
        tracker.settle(a, ACK, "1");
        tracker.settle(a, ACK, "x");
        assertThat(tracker.resumeId()).isEqualTo("1");
    }
}

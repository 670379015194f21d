package io.asyncworker.sse.internal;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import java.util.List;
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
        handled(a, b, c);
        tracker.settle(a, ACK, "1");
        assertThat(tracker.settle(b, REQUEUE, "2")).isEqualTo(ResumeTracker.Change.REQUEUED);
        assertThat(tracker.isStale(c)).isTrue();
        assertThat(tracker.isStale(b)).isFalse();
        tracker.settle(c, ACK, "3");
        assertThat(tracker.resumeId()).isEqualTo("1");

        tracker.reconnected();
        assertThat(tracker.frozen()).isFalse();
        long again = tracker.deliver();
        handled(again);
        assertThat(tracker.isStale(again)).isFalse();
        assertThat(tracker.deliveryCount(again)).isEqualTo(2);
        tracker.settle(again, ACK, "2");
        assertThat(tracker.resumeId()).isEqualTo("2");
        long next = tracker.deliver();
        assertThat(tracker.deliveryCount(next)).as("c was delivered once before").isEqualTo(2);
        tracker.settle(next, ACK, "3");
        assertThat(tracker.deliveryCount(tracker.deliver())).as("a new event").isEqualTo(1);
    }

    @Test
    void newEventsArrivingWhileAReplayedBatchRunsCountOneDelivery() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        handled(a, b);
        tracker.settle(a, REQUEUE, "1");
        tracker.settle(b, REQUEUE, "2");
        tracker.reconnected();

        long a2 = tracker.deliver();
        long b2 = tracker.deliver();
        long c = tracker.deliver(); // never delivered before, read while a2 and b2 still run
        long d = tracker.deliver();
        assertThat(tracker.deliveryCount(a2)).isEqualTo(2);
        assertThat(tracker.deliveryCount(b2)).isEqualTo(2);
        assertThat(tracker.deliveryCount(c)).isEqualTo(1);
        assertThat(tracker.deliveryCount(d)).isEqualTo(1);
    }

    @Test
    void countsEveryRoundThatReachedAPosition() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        handled(a, b);
        tracker.settle(a, REQUEUE, "1");
        tracker.settle(b, REQUEUE, "2");
        tracker.reconnected();                      // round 1 handled a, b
        long a2 = tracker.deliver();
        handled(a2);
        tracker.settle(a2, REQUEUE, "1");
        tracker.reconnected();                      // round 2 handled a only
        long a3 = tracker.deliver();
        long b3 = tracker.deliver();
        assertThat(tracker.deliveryCount(a3)).isEqualTo(3);
        assertThat(tracker.deliveryCount(b3)).isEqualTo(2);
        tracker.settle(a3, ACK, "1");               // the resume point moves past a
        assertThat(tracker.deliveryCount(tracker.deliver())).as("after b: new").isEqualTo(1);
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

    @Test
    void eventsReadButNeverHandledDoNotCountAsDeliveries() {
        long a = tracker.deliver();
        long b = tracker.deliver();                 // dropped from the bucket or skipped as stale
        handled(a);
        tracker.settle(a, REQUEUE, "1");
        tracker.settle(b, REQUEUE, "2");
        tracker.reconnected();

        assertThat(tracker.deliveryCount(tracker.deliver())).isEqualTo(2);
        assertThat(tracker.deliveryCount(tracker.deliver())).isEqualTo(1);
    }

    @Test
    void settlesARunInOrderAndRequeuesWhatTurnedStaleWithinIt() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        long c = tracker.deliver();
        handled(a, b, c);
        List<Event> run = List.of(new Event(a, "1"), new Event(b, "2"), new Event(c, "3"));
        Action[] actions = {ACK, REQUEUE, ACK};
        assertThat(tracker.settle(run, actions, 0, 3)).isEqualTo(ResumeTracker.Change.REQUEUED);
        assertThat(actions).containsExactly(ACK, REQUEUE, REQUEUE);
        assertThat(tracker.resumeId()).isEqualTo("1");
        assertThat(tracker.quiescent()).isTrue();
    }

    @Test
    void settlesOnlyTheGivenRangeOfARun() {
        long a = tracker.deliver();
        long b = tracker.deliver();
        List<Event> run = List.of(new Event(a, "1"), new Event(b, "2"));
        Action[] actions = {ACK, ACK};
        assertThat(tracker.settle(run, actions, 1, 2)).isEqualTo(ResumeTracker.Change.NONE);
        assertThat(tracker.resumeId()).isEmpty();
        tracker.settle(run, actions, 0, 1);
        assertThat(tracker.resumeId()).isEqualTo("2");
    }

    @Test
    void staleAfterIsTheFrozenPosition() {
        long a = tracker.deliver();
        tracker.deliver();
        assertThat(tracker.staleAfter()).isEqualTo(Long.MAX_VALUE);
        tracker.settle(a, REQUEUE, "1");
        assertThat(tracker.staleAfter()).isEqualTo(a);
        tracker.settle(a + 1, ACK, "2");
        tracker.reconnected();
        assertThat(tracker.staleAfter()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void manyEventsFinishingInReverseOrderMoveTheResumePointOnceTheFirstFinishes() {
        int n = 5000;
        long first = tracker.deliver();
        for (int i = 1; i < n; i++) {
            tracker.deliver();
        }
        for (long seq = first + n - 1; seq > first; seq--) {
            tracker.settle(seq, ACK, String.valueOf(seq));
        }
        assertThat(tracker.unsettled()).isEqualTo(n);
        tracker.settle(first, ACK, "first");
        assertThat(tracker.resumeId()).isEqualTo(String.valueOf(first + n - 1));
        assertThat(tracker.quiescent()).isTrue();
    }

    private record Event(long seq, String lastEventId) implements ResumeTracker.Delivered {
    }

    private void handled(long... seqs) {
        for (long seq : seqs) {
            tracker.handled(seq);
        }
    }
}

package io.asyncworker.rabbitmq.internal;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AckTrackerTest {
    private final AckTracker tracker = new AckTracker();

    private void deliver(long... tags) {
        for (long t : tags) {
            tracker.delivered(t);
        }
    }

    private static TreeMap<Long, Action> decisions(Object... tagAction) {
        TreeMap<Long, Action> m = new TreeMap<>();
        for (int i = 0; i < tagAction.length; i += 2) {
            m.put(((Number) tagAction[i]).longValue(), (Action) tagAction[i + 1]);
        }
        return m;
    }

    @Test
    void wholeOutstandingPrefixIsAckedWithOneMultipleFrame() {
        deliver(1, 2, 3, 4);
        assertThat(tracker.settle(decisions(1, ACK, 2, ACK, 3, ACK, 4, ACK))).containsExactly(new AckOp(4, true, ACK));
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void singleMessageGetsASingleFrame() {
        deliver(1);
        assertThat(tracker.settle(decisions(1, ACK))).containsExactly(new AckOp(1, false, ACK));
    }

    @Test
    void multipleIsNeverUsedWhenAnEarlierTagBelongsToAnotherBatch() {
        deliver(1, 2, 3, 4);
        assertThat(tracker.settle(decisions(2, ACK, 3, ACK, 4, ACK)))
                .containsExactly(new AckOp(2, false, ACK), new AckOp(3, false, ACK), new AckOp(4, false, ACK));
        assertThat(tracker.settle(decisions(1, ACK))).containsExactly(new AckOp(1, false, ACK));
    }

    @Test
    void prefixIsMultipleAndTheTagsAfterAGapAreSingle() {
        deliver(1, 2, 3, 5);
        assertThat(tracker.settle(decisions(1, ACK, 2, ACK, 5, ACK)))
                .containsExactly(new AckOp(2, true, ACK), new AckOp(5, false, ACK));
        assertThat(tracker.outstanding()).isEqualTo(1);
    }

    @Test
    void mixedDecisionsBecomeRunsPerAction() {
        deliver(1, 2, 3, 4, 5, 6);
        assertThat(tracker.settle(decisions(1, ACK, 2, ACK, 3, REJECT, 4, REJECT, 5, REQUEUE, 6, ACK)))
                .containsExactly(new AckOp(2, true, ACK), new AckOp(4, true, REJECT),
                        new AckOp(5, false, REQUEUE), new AckOp(6, false, ACK));
    }

    @Test
    void aLaterBatchMayUseMultipleOnceTheEarlierOneSettled() {
        deliver(1, 2, 3, 4);
        tracker.settle(decisions(1, ACK, 2, ACK));
        assertThat(tracker.settle(decisions(3, ACK, 4, ACK))).containsExactly(new AckOp(4, true, ACK));
    }

    @Test
    void unknownAndAlreadySettledTagsAreNeverSent() {
        deliver(1, 2);
        tracker.settle(decisions(1, ACK));
        assertThat(tracker.settle(decisions(1, ACK, 7, ACK))).isEmpty();
        assertThat(tracker.settle(decisions(2, REQUEUE))).containsExactly(new AckOp(2, false, REQUEUE));
    }
}

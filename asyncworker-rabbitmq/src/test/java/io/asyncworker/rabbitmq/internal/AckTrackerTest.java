package io.asyncworker.rabbitmq.internal;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckTrackerTest {
    private final AckTracker tracker = new AckTracker();

    private void deliver(long... tags) {
        for (long t : tags) {
            tracker.delivered(t);
        }
    }

    private List<AckOp> settle(Object... tagAction) {
        int n = tagAction.length / 2;
        long[] tags = new long[n];
        Action[] actions = new Action[n];
        for (int i = 0; i < n; i++) {
            tags[i] = ((Number) tagAction[2 * i]).longValue();
            actions[i] = (Action) tagAction[2 * i + 1];
        }
        return tracker.settle(tags, actions, n);
    }

    @Test
    void wholeOutstandingPrefixIsAckedWithOneMultipleFrame() {
        deliver(1, 2, 3, 4);
        assertThat(settle(1, ACK, 2, ACK, 3, ACK, 4, ACK)).containsExactly(new AckOp(4, true, ACK));
        assertThat(tracker.outstanding()).isZero();
    }

    @Test
    void singleMessageGetsASingleFrame() {
        deliver(1);
        assertThat(settle(1, ACK)).containsExactly(new AckOp(1, false, ACK));
    }

    @Test
    void multipleIsNeverUsedWhenAnEarlierTagBelongsToAnotherBatch() {
        deliver(1, 2, 3, 4);
        assertThat(settle(2, ACK, 3, ACK, 4, ACK))
                .containsExactly(new AckOp(2, false, ACK), new AckOp(3, false, ACK), new AckOp(4, false, ACK));
        assertThat(settle(1, ACK)).containsExactly(new AckOp(1, false, ACK));
    }

    @Test
    void prefixIsMultipleAndTheTagsAfterAGapAreSingle() {
        deliver(1, 2, 3, 5);
        assertThat(settle(1, ACK, 2, ACK, 5, ACK))
                .containsExactly(new AckOp(2, true, ACK), new AckOp(5, false, ACK));
        assertThat(tracker.outstanding()).isEqualTo(1);
    }

    @Test
    void mixedDecisionsBecomeRunsPerAction() {
        deliver(1, 2, 3, 4, 5, 6);
        assertThat(settle(1, ACK, 2, ACK, 3, REJECT, 4, REJECT, 5, REQUEUE, 6, ACK))
                .containsExactly(new AckOp(2, true, ACK), new AckOp(4, true, REJECT),
                        new AckOp(5, false, REQUEUE), new AckOp(6, false, ACK));
    }

    @Test
    void aLaterBatchMayUseMultipleOnceTheEarlierOneSettled() {
        deliver(1, 2, 3, 4);
        settle(1, ACK, 2, ACK);
        assertThat(settle(3, ACK, 4, ACK)).containsExactly(new AckOp(4, true, ACK));
    }

    @Test
    void unknownAndAlreadySettledTagsAreNeverSent() {
        deliver(1, 2);
        settle(1, ACK);
        assertThat(settle(1, ACK, 7, ACK)).isEmpty();
        assertThat(settle(2, REQUEUE)).containsExactly(new AckOp(2, false, REQUEUE));
    }

    @Test
    void manyTagsSettledOneByOneKeepExactFramesAcrossTheWindowSliding() {
        for (long tag = 1; tag <= 20_000; tag++) {
            deliver(tag);
            assertThat(settle(tag, ACK)).containsExactly(new AckOp(tag, false, ACK));
        }
        assertThat(tracker.outstanding()).isZero();
        deliver(20_001, 20_002);
        assertThat(settle(20_001, ACK, 20_002, ACK)).containsExactly(new AckOp(20_002, true, ACK));
    }

    @Test
    void aLongRunningEarlyTagNeverLetsALaterBatchUseMultiple() {
        for (long tag = 1; tag <= 10_000; tag++) {
            deliver(tag);
        }
        for (long tag = 2; tag <= 9_998; tag += 2) {
            settle(tag, ACK, tag + 1, ACK);
        }
        assertThat(tracker.outstanding()).isEqualTo(2);
        assertThat(settle(10_000, REJECT)).containsExactly(new AckOp(10_000, false, REJECT));
        assertThat(settle(1, ACK)).containsExactly(new AckOp(1, false, ACK));
        deliver(10_001, 10_002);
        assertThat(settle(10_001, ACK, 10_002, ACK)).containsExactly(new AckOp(10_002, true, ACK));
    }

    @Test
    void theWindowSlidesPastALongSettledPrefixAndStillPlansMultiple() {
        for (long tag = 1; tag <= 9_000; tag++) {
            deliver(tag);
        }
        long[] tags = new long[8_000];
        Action[] actions = new Action[8_000];
        for (int i = 0; i < 8_000; i++) {
            tags[i] = i + 1;
            actions[i] = ACK;
        }
        assertThat(tracker.settle(tags, actions, 8_000)).containsExactly(new AckOp(8_000, true, ACK));
        assertThat(settle(8_001, ACK, 8_002, ACK, 9_000, REQUEUE))
                .containsExactly(new AckOp(8_002, true, ACK), new AckOp(9_000, false, REQUEUE));
        assertThat(tracker.outstanding()).isEqualTo(997);
    }
}

package io.asyncworker.spi;

import static io.asyncworker.Action.ACK;
import static io.asyncworker.Action.REJECT;
import static io.asyncworker.Action.REQUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Action;
import io.asyncworker.BatchOptions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomesTest {

    /** Every combination of handler result × route default × explicit per-message decision. */
    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (boolean failed : new boolean[] {false, true}) {
            for (Action routeDefault : Action.values()) {
                rows.add(Arguments.of(failed, routeDefault, Optional.empty(), routeDefault));
                for (Action explicit : Action.values()) {
                    rows.add(Arguments.of(failed, routeDefault, Optional.of(explicit), explicit));
                }
            }
        }
        return rows.build();
    }

    @ParameterizedTest(name = "failed={0} default={1} explicit={2} -> {3}")
    @MethodSource("matrix")
    void explicitDecisionWinsElseTheDefaultForTheHandlersResult(boolean failed, Action routeDefault,
                                                                Optional<Action> explicit, Action expected) {
        Action other = routeDefault == ACK ? REJECT : ACK;
        Action onSuccess = failed ? other : routeDefault;
        Action onException = failed ? routeDefault : other;
        assertThat(Outcomes.decide(explicit, failed, onSuccess, onException)).isEqualTo(expected);
    }

    @Test
    void routeDefaultsAreAckOnSuccessAndRequeueOnException() {
        BatchOptions defaults = BatchOptions.defaults();
        assertThat(Outcomes.decide(Optional.empty(), false, defaults)).isEqualTo(ACK);
        assertThat(Outcomes.decide(Optional.empty(), true, defaults)).isEqualTo(REQUEUE);
    }

    @Test
    void requeueTurnsIntoRejectOnceDeliveredMaxDeliveriesTimes() {
        assertThat(Outcomes.limitDeliveries(REQUEUE, 2, OptionalInt.of(3))).isEqualTo(REQUEUE);
        assertThat(Outcomes.limitDeliveries(REQUEUE, 3, OptionalInt.of(3))).isEqualTo(REJECT);
        assertThat(Outcomes.limitDeliveries(REQUEUE, 9, OptionalInt.empty())).isEqualTo(REQUEUE);
        assertThat(Outcomes.limitDeliveries(ACK, 9, OptionalInt.of(3))).as("only requeues are limited").isEqualTo(ACK);
    }

    @Test
    void aRequeueWaitsLongerEachTimeAMessageComesBackUpToOneSecond() {
        assertThat(Outcomes.requeueDelay(1)).isZero();
        assertThat(Outcomes.requeueDelay(2)).isEqualTo(java.time.Duration.ofMillis(100));
        assertThat(Outcomes.requeueDelay(3)).isEqualTo(java.time.Duration.ofMillis(200));
        assertThat(Outcomes.requeueDelay(5)).isEqualTo(java.time.Duration.ofMillis(800));
        assertThat(Outcomes.requeueDelay(6)).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(Outcomes.requeueDelay(Long.MAX_VALUE)).isEqualTo(java.time.Duration.ofSeconds(1));
    }
}

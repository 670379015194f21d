package io.asyncworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundsTest {
    @Test
    void ratiosPairTheSameRoundNotTheBestOfEach() {
        Rounds rounds = new Rounds();
        rounds.record(1, "aw", Map.of("rate", "30057", "cpu", "5.36"));
        rounds.record(1, "spring", Map.of("rate", "36338", "cpu", "3.95"));
        rounds.record(2, "spring", Map.of("rate", "33660", "cpu", "4.07"));
        rounds.record(2, "aw", Map.of("rate", "29181", "cpu", "5.10"));

        Ratios rate = rounds.ratios("aw", "spring", "rate");

        assertThat(rate.values()).containsExactly(30057.0 / 36338, 29181.0 / 33660);
        assertThat(rate.median()).isCloseTo((30057.0 / 36338 + 29181.0 / 33660) / 2, within(1e-12));
        assertThat(rounds.ratios("aw", "spring", "cpu").values()).containsExactly(5.36 / 3.95, 5.10 / 4.07);
    }

    @Test
    void aRoundInWhichOneContenderFailedGivesNoRatio() {
        Rounds rounds = new Rounds();
        rounds.record(1, "aw", Map.of("rate", 10.0));
        rounds.record(1, "ref", Map.of("rate", 20.0));
        rounds.record(2, "aw", Map.of("rate", 99.0));
        rounds.record(3, "aw", Map.of("rate", 30.0));
        rounds.record(3, "ref", Map.of("rate", 20.0));

        assertThat(rounds.ratios("aw", "ref", "rate").values()).containsExactly(0.5, 1.5);
        assertThat(rounds.values("aw", "rate")).containsExactly(10.0, 99.0, 30.0);
        assertThat(rounds.count()).isEqualTo(3);
    }

    @Test
    void fieldsThatAreNotNumbersAreLeftOut() {
        Rounds rounds = new Rounds();
        rounds.record(1, "aw", Map.of("rate", "12.5", "name", "x", "cpu", "NaN"));

        assertThat(rounds.values("aw", "rate")).containsExactly(12.5);
        assertThat(rounds.values("aw", "name")).isEmpty();
        assertThat(rounds.values("aw", "cpu")).isEmpty();
    }

    @Test
    void rejectsRoundZero() {
        assertThatThrownBy(() -> new Rounds().record(0, "aw", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("round must be >= 1");
    }

    @Test
    void theOrderTurnsByOneEachRoundSoEveryContenderRunsFirstInTurn() {
        List<String> contenders = List.of("a", "b", "c");

        assertThat(Rounds.rotated(contenders, 1)).containsExactly("a", "b", "c");
        assertThat(Rounds.rotated(contenders, 2)).containsExactly("b", "c", "a");
        assertThat(Rounds.rotated(contenders, 3)).containsExactly("c", "a", "b");
        assertThat(Rounds.rotated(contenders, 4)).containsExactly("a", "b", "c");
        assertThat(Rounds.rotated(List.of(), 2)).isEmpty();
    }

    @Test
    void twoContendersAlternate() {
        assertThat(Rounds.rotated(List.of("vertx", "aw"), 1)).containsExactly("vertx", "aw");
        assertThat(Rounds.rotated(List.of("vertx", "aw"), 2)).containsExactly("aw", "vertx");
    }

    @Test
    void theTableShowsEveryRoundsFiguresAndRatios() {
        Rounds rounds = new Rounds();
        rounds.record(1, "aw", Map.of("rate", 30000.0, "cpu", 5.0));
        rounds.record(1, "ref", Map.of("rate", 40000.0, "cpu", 4.0));

        assertThat(rounds.table("aw", "ref", "rate", "cpu", "msg/s")).isEqualTo(
                "  aw / ref, same round:\n    round 1  30000 / 40000 msg/s = 0.750   cpu 5.00 / 4.00 s = 1.25\n");
        assertThat(rounds.table("aw", "ref", "rate", null, "msg/s")).endsWith("= 0.750\n");
    }
}

package io.asyncworker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatiosTest {
    @Test
    void medianOfAnOddCountIsTheMiddleValueNotTheBest() {
        Ratios ratios = Ratios.of(0.739, 0.849, 0.638);

        assertThat(ratios.median()).isEqualTo(0.739);
        assertThat(ratios.min()).isEqualTo(0.638);
        assertThat(ratios.max()).isEqualTo(0.849);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        Ratios ratios = Ratios.of(0.885, 0.705, 0.438, 0.474, 0.421, 0.663);

        assertThat(ratios.median()).isCloseTo((0.474 + 0.663) / 2, within(1e-12));
        assertThat(ratios.min()).isEqualTo(0.421);
    }

    @Test
    void keepsTheRoundOrderAndDropsRoundsWithoutARatio() {
        Ratios ratios = Ratios.of(1.2, Double.NaN, 0.9);

        assertThat(ratios.values()).containsExactly(1.2, 0.9);
        assertThat(ratios.size()).isEqualTo(2);
    }

    @Test
    void noRoundsGiveNaNSoTheClaimIsNotMeasured() {
        Ratios none = Ratios.of();

        assertThat(none.median()).isNaN();
        assertThat(none.min()).isNaN();
        assertThat(none.describe()).isEqualTo("no round measured both");
    }

    @Test
    void describesEveryRoundAndTheMedian() {
        assertThat(Ratios.of(0.912, 0.876, 1.01).describe())
                .isEqualTo("0.912, 0.876, 1.01 -> median 0.912 (min 0.876, max 1.01)");
    }

    @Test
    void theValuesArrayIsACopy() {
        double[] input = {1.0, 2.0, 3.0};
        Ratios ratios = Ratios.of(input);
        input[0] = 100;
        ratios.values()[1] = 100;

        assertThat(ratios.values()).containsExactly(1.0, 2.0, 3.0);
    }
}

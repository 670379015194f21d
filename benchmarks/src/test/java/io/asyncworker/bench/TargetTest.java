package io.asyncworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {
    private final Ratios ratios = Ratios.of(0.885, 0.705, 0.921);

    @Test
    void theMedianDecidesAnAtLeastClaim() {
        Target target = Target.atLeast(0.85);

        assertThat(target.deciding(ratios)).isEqualTo(0.885);
        assertThat(target.verdict(target.deciding(ratios))).isEqualTo("MET");
        assertThat(Target.atLeast(0.9).verdict(0.885)).isEqualTo("MISSED");
        assertThat(target.describe()).isEqualTo(">= 0.850 median");
    }

    @Test
    void theWorstRoundDecidesAnEveryRoundClaim() {
        Target target = Target.everyRoundAtLeast(0.75);

        assertThat(target.deciding(ratios)).isEqualTo(0.705);
        assertThat(target.verdict(target.deciding(ratios))).isEqualTo("MISSED");
        assertThat(target.describe()).isEqualTo(">= 0.750 every round");
    }

    @Test
    void anAtMostClaimIsMetAtOrBelowTheBound() {
        Target target = Target.atMost(1.1);

        assertThat(target.verdict(1.1)).isEqualTo("MET");
        assertThat(target.verdict(1.11)).isEqualTo("MISSED");
        assertThat(new Target(true, 1.3, true).deciding(Ratios.of(1.0, 1.4, 1.2))).isEqualTo(1.4);
    }

    @Test
    void nothingMeasuredIsNotMeasuredRatherThanMissed() {
        assertThat(Target.atLeast(1.0).verdict(Target.atLeast(1.0).deciding(Ratios.of()))).isEqualTo("NOT MEASURED");
    }
}

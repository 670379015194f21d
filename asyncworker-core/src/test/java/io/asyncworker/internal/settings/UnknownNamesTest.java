package io.asyncworker.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownNamesTest {
    private static final List<String> KNOWN = List.of("ASYNCWORKER_FLUSH_TIMEOUT", "ASYNCWORKER_AMQP_URL", "ASYNCWORKER_DEV");

    @Test
    void aTypoIsReportedWithTheClosestKnownName() {
        assertThat(UnknownNames.describe(List.of("ASYNCWORKER_FLUSH_TIMOUT"), KNOWN))
                .containsExactly("unknown setting ASYNCWORKER_FLUSH_TIMOUT is ignored; did you mean ASYNCWORKER_FLUSH_TIMEOUT?");
    }

    @Test
    void knownNamesTestNamesAndOtherVariablesAreNotReported() {
        assertThat(UnknownNames.describe(List.of("ASYNCWORKER_AMQP_URL", "ASYNCWORKER_TEST_AMQP_URL", "PATH", "HOME"), KNOWN))
                .isEmpty();
    }

    @Test
    void aNameFarFromEveryKnownOneGetsNoSuggestion() {
        assertThat(UnknownNames.describe(List.of("ASYNCWORKER_SOMETHING_ELSE"), KNOWN))
                .containsExactly("unknown setting ASYNCWORKER_SOMETHING_ELSE is ignored");
    }
}

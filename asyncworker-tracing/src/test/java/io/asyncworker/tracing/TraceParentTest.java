package io.asyncworker.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.tracing.internal.TraceParent;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void readsTheTraceAndParentIdsAndTheSampledFlag() {
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .contains(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"))
                .hasValueSatisfying(p -> assertThat(p.sampled()).isFalse());
    }

    @Test
    void readsALaterVersionByItsFirstFourFields() {
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next"))
                .hasValueSatisfying(p -> assertThat(p.spanId()).isEqualTo("00f067aa0ba902b7"));
    }

    @Test
    void malformedValuesAreNoContext() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(TraceParent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isEmpty();
    }
}

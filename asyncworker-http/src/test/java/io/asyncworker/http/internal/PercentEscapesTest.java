package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEscapesTest {

    @Test
    void acceptsValidEscapesInAnyCase() {
        assertThat(PercentEscapes.problem("/items/a%20b%2Fc%c3%A9")).isEmpty();
        assertThat(PercentEscapes.problem("/plain")).isEmpty();
    }

    @Test
    void namesTheFirstBadEscapeAndItsPosition() {
        assertThat(PercentEscapes.problem("/items/%zz")).hasValue(
                "'%zz' at position 7 is not a valid percent-escape (% and two hex digits)");
        assertThat(PercentEscapes.problem("/a%2")).hasValue(
                "'%2' at position 2 is not a valid percent-escape (% and two hex digits)");
        assertThat(PercentEscapes.problem("/a%")).hasValue(
                "'%' at position 2 is not a valid percent-escape (% and two hex digits)");
        assertThat(PercentEscapes.problem("/a%41%g1")).hasValue(
                "'%g1' at position 5 is not a valid percent-escape (% and two hex digits)");
    }
}

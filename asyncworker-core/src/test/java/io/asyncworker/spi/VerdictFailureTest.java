package io.asyncworker.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.spi.Verdict.Failure;
import org.junit.jupiter.api.Test;

/** The failure's message cap: {@link Failure#MAX_MESSAGE} chars and an ellipsis, cut between code points. */
class VerdictFailureTest {
    private static final String EMOJI = "\uD83D\uDE00";                  // U+1F600, two chars

    @Test
    void aTenThousandCharMessageKeepsItsFirst512CharsAndAnEllipsis() {
        String message = "0123456789".repeat(1_000);
        Failure failure = Failure.of(new IllegalStateException(message));
        assertThat(failure.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.message()).hasSize(Failure.MAX_MESSAGE + 1)
                .isEqualTo(message.substring(0, Failure.MAX_MESSAGE) + "…");
    }

    @Test
    void aMessageOfExactlyTheCapIsKeptWholeAndNoneBecomesEmpty() {
        String message = "x".repeat(Failure.MAX_MESSAGE);
        assertThat(new Failure("t", message).message()).isEqualTo(message);
        assertThat(new Failure("t", null).message()).isEmpty();
    }

    @Test
    void anEmojiStraddlingTheCapIsDroppedWholeNotSplitIntoALoneSurrogate() {
        String head = "a".repeat(Failure.MAX_MESSAGE - 1);
        String message = head + EMOJI + "tail";                   // the emoji's chars are 512th and 513th
        String bounded = new Failure("t", message).message();
        assertThat(bounded).isEqualTo(head + "…");
        assertThat(bounded.codePoints()).as("no lone surrogate")
                .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    @Test
    void anEmojiEndingAtTheCapIsKept() {
        String head = "a".repeat(Failure.MAX_MESSAGE - 2);
        String bounded = new Failure("t", head + EMOJI + "tail").message();
        assertThat(bounded).isEqualTo(head + EMOJI + "…").hasSize(Failure.MAX_MESSAGE + 1);
    }
}

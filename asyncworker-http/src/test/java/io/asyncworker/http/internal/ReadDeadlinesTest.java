package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.http.internal.ReadDeadlines.Phase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The read deadlines of a connection as a pure function of its events and their times (in ms here). */
class ReadDeadlinesTest {
    private static final long MS = 1_000_000;
    private final ReadDeadlines d = new ReadDeadlines(Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofMillis(500), 0);

    private Optional<Phase> expiredAt(long ms) {
        return d.expired(ms * MS);
    }

    /** A request whose head was decoded at {@code headMs} and its end at {@code endMs}. */
    private void read(long headMs, long endMs) {
        d.headRead(headMs * MS);
        d.requestRead(endMs * MS);
    }

    @Test
    void aSilentConnectionMustSendItsHeadWithinTheHeaderTimeoutOfConnecting() {
        assertThat(expiredAt(99)).isEmpty();
        assertThat(expiredAt(100)).hasValue(Phase.HEAD);
    }

    @Test
    void tricklingBytesDoesNotMoveTheHeadDeadline() {
        for (long t = 10; t < 100; t += 10) {
            d.bytesRead(t * MS);
        }
        assertThat(expiredAt(100)).hasValue(Phase.HEAD);
    }

    @Test
    void theWholeRequestIsDueWithinTheRequestTimeoutOfItsFirstByte() {
        d.headRead(50 * MS);
        assertThat(d.phase()).isEqualTo(Phase.BODY);
        assertThat(expiredAt(999)).isEmpty();
        assertThat(expiredAt(1000)).hasValue(Phase.BODY);
    }

    @Test
    void aRunningHandlerHasNoDeadline() {
        read(10, 20);
        assertThat(d.phase()).isEqualTo(Phase.BUSY);
        assertThat(expiredAt(3_600_000)).isEmpty();
    }

    @Test
    void anAnsweredConnectionIsIdleUntilItsNextFirstByte() {
        read(10, 20);
        d.responseEnded(300 * MS);
        assertThat(d.phase()).isEqualTo(Phase.IDLE);
        assertThat(expiredAt(799)).isEmpty();
        assertThat(expiredAt(800)).hasValue(Phase.IDLE);

        d.bytesRead(700 * MS);
        assertThat(d.phase()).isEqualTo(Phase.HEAD);
        assertThat(expiredAt(799)).isEmpty();
        assertThat(expiredAt(800)).hasValue(Phase.HEAD);
    }

    @Test
    void aRequestAnsweredBeforeItsBodyEndedIsIdleOnceTheBodyEnds() {
        d.headRead(10 * MS);
        d.responseEnded(20 * MS); // e.g. 413 as soon as Content-Length is too large
        assertThat(d.phase()).isEqualTo(Phase.BODY);
        d.requestRead(40 * MS);
        assertThat(d.phase()).isEqualTo(Phase.IDLE);
        assertThat(expiredAt(540)).hasValue(Phase.IDLE);
    }

    @Test
    void aPipelinedHeadThatCameWithThePreviousBodyIsTimedFromWhenItWasRead() {
        read(10, 20);
        d.headRead(30 * MS); // no bytesRead: its bytes arrived with the end of the first request
        assertThat(d.phase()).isEqualTo(Phase.BODY);
        assertThat(expiredAt(1029)).isEmpty();
        assertThat(expiredAt(1030)).hasValue(Phase.BODY);
        d.requestRead(40 * MS);
        d.responseEnded(50 * MS);
        assertThat(d.phase()).as("one of two answers").isEqualTo(Phase.BUSY);
        d.responseEnded(60 * MS);
        assertThat(d.phase()).isEqualTo(Phase.IDLE);
    }

    @Test
    void theHeadIsNeverAllowedLongerThanTheWholeRequest() {
        ReadDeadlines shortRequest = new ReadDeadlines(Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ofMillis(500), 0);
        assertThat(shortRequest.expired(50 * MS)).hasValue(Phase.HEAD);
    }

    @Test
    void checksComeAtTheDeadlineButNeverLaterThanOnePeriodFromNow() {
        long period = d.shortestNanos();
        assertThat(period).isEqualTo(100 * MS);
        assertThat(d.nextCheckIn(30 * MS, period)).isEqualTo(70 * MS);
        d.headRead(40 * MS);
        assertThat(d.nextCheckIn(40 * MS, period)).isEqualTo(period);
        d.requestRead(50 * MS);
        assertThat(d.nextCheckIn(50 * MS, period)).isEqualTo(period);
        assertThat(d.nextCheckIn(2000 * MS, period)).isEqualTo(period);
    }
}

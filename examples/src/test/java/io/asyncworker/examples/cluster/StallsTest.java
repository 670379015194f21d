package io.asyncworker.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StallsTest {

    @Test
    void theFailoverIsTheFirstPauseAfterTheFault() {
        List<Long> batches = List.of(1_000L, 1_060L, 1_120L, 1_900L, 1_960L, 2_020L, 30_000L, 30_060L);
        assertThat(Stalls.of(List.of("1100 kill -9 of n2"), batches)).containsExactly(
                "kill -9 of n2: failover 780 ms (the first pause; processing resumed 800 ms after the fault was issued); "
                        + "pauses over 200 ms in the minute after: +0.0 s for 780 ms; +0.9 s for 27980 ms;");
    }

    @Test
    void saysSoWhenNoPauseFollowedTheFaultSoon() {
        List<Long> batches = new java.util.ArrayList<>();
        for (long t = 900; t <= 6_900; t += 60) {
            batches.add(t);
        }
        batches.add(9_000L);
        assertThat(Stalls.of(List.of("1000 stop", ""), batches))
                .containsExactly("stop: no pause over 200 ms began within 5 s of the fault; pauses over 200 ms in the "
                        + "minute after: +5.9 s for 2100 ms;");
    }
}

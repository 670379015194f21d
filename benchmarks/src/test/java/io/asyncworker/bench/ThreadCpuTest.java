package io.asyncworker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {
    @Test
    void cpuSecondsAddsUserAndSystemTicksAfterANameWithSpacesAndParentheses() {
        String stat = "4242 (C2 (x) Thread) S 1 2 3 4 5 6 7 8 9 10 250 75 0 0 20 0 1 0";
        assertThat(ThreadCpu.cpuSeconds(stat)).isEqualTo(3.25);
    }

    @Test
    void deltaListsTheGroupsThatUsedCpuLargestFirst() {
        String line = ThreadCpu.delta(java.util.Map.of("a", 1.0, "b", 2.0),
                java.util.Map.of("a", 1.5, "b", 2.001, "c", 0.25));
        assertThat(line).isEqualTo("a=0.50, c=0.25");
    }
}

package io.asyncworker.examples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FleetReportTest {
    private static Map<Long, List<String>> ran(Object... dueAndPid) {
        Map<Long, List<String>> out = new TreeMap<>();
        for (int i = 0; i < dueAndPid.length; i += 2) {
            out.computeIfAbsent((Long) dueAndPid[i], t -> new java.util.ArrayList<>()).add((String) dueAndPid[i + 1]);
        }
        return out;
    }

    @Test
    void passesWhenEachDueTimeRanOnceAndAnotherReplicaTookOver() {
        assertThat(FleetReport.check(ran(2_000L, "a", 4_000L, "a", 6_000L, "b"), 2_000, List.of(), 4_500)).isEmpty();
    }

    @Test
    void aDueTimeRunTwiceFails() {
        assertThat(FleetReport.check(ran(2_000L, "a", 2_000L, "b", 4_000L, "b"), 2_000, List.of(), 2_500))
                .singleElement().asString().contains("ran 2 times");
    }

    @Test
    void aLostDueTimeFailsUnlessAFaultCameJustBefore() {
        Map<Long, List<String>> gap = ran(2_000L, "a", 6_000L, "b", 8_000L, "b");
        assertThat(FleetReport.check(gap, 2_000, List.of(), 5_000)).singleElement().asString().contains("4000 ran nowhere");
        assertThat(FleetReport.check(gap, 2_000, List.of(3_000L), 5_000)).isEmpty();
    }

    @Test
    void noHandoverWithinOnePeriodFails() {
        assertThat(FleetReport.check(ran(2_000L, "a", 4_000L, "a", 6_000L, "a"), 2_000, List.of(), 2_500))
                .singleElement().asString().contains("no other replica ran the next due time");
    }
}

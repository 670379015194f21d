package io.asyncworker.internal.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code ASYNCWORKER_*} names that no setting reads, so that a typo such as
 * {@code ASYNCWORKER_FLUSH_TIMOUT} is reported instead of silently ignored. Names under
 * {@code ASYNCWORKER_TEST_} belong to test suites and are not reported.
 */
public final class UnknownNames {
    private static final String PREFIX = "ASYNCWORKER_";

    private UnknownNames() {
    }

    /** One message per unknown name, with the closest known name when one is near. */
    public static List<String> describe(Collection<String> names, Collection<String> known) {
        List<String> out = new ArrayList<>();
        names.stream().filter(n -> isUnknown(n, known)).sorted().forEach(name -> out.add("unknown setting " + name
                + " is ignored" + closest(name, known).map(k -> "; did you mean " + k + "?").orElse("")));
        return out;
    }

    private static boolean isUnknown(String name, Collection<String> known) {
        return name.startsWith(PREFIX) && !name.startsWith(PREFIX + "TEST_") && !known.contains(name);
    }

    static Optional<String> closest(String name, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
                .filter(k -> distance(name, k) <= 3);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package io.asyncworker.examples.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * How processing paused after each fault, from the times batches were handled (a batch takes about
 * 60 ms, so batches end about 60 ms apart while all is well). The failover time is the first pause
 * over {@value #PAUSE_MS} ms between two batches that began within {@value #ONSET_MS} ms of the
 * fault (the worker losing its node, or the queue its leader; a {@code rabbitmqctl stop} acts a
 * second or so after it is issued), also given as when processing resumed, measured from the
 * moment the fault was issued. Every pause over {@value #PAUSE_MS} ms in the minute after the
 * fault is listed too (on a small machine, a node restarting takes CPU from the others).
 */
final class Stalls {
    static final long PAUSE_MS = 200;
    static final long ONSET_MS = 5_000;
    private static final long WINDOW_MS = 60_000;

    private Stalls() {
    }

    /** A pause: the last batch before it, the first after it, epoch ms. */
    record Pause(long from, long to) {
        long length() {
            return to - from;
        }
    }

    /**
     * @param events     {@code <epoch ms> <what>} lines
     * @param batchTimes when each batch was handled, epoch ms, ascending
     * @return one line per event
     */
    static List<String> of(List<String> events, List<Long> batchTimes) {
        List<String> out = new ArrayList<>();
        for (String event : events) {
            if (!event.isBlank()) {
                String[] parts = event.trim().split(" ", 2);
                out.add(describe(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "", batchTimes));
            }
        }
        return out;
    }

    /**
     * Every gap between two batches that ends after {@code at} and begins before {@code until}; one
     * that began before the fault is listed as beginning at it (+0.0 s).
     */
    static List<Pause> gaps(long at, long until, List<Long> times) {
        List<Pause> out = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) > at && times.get(i - 1) < until) {
                out.add(new Pause(times.get(i - 1), times.get(i)));
            }
        }
        return out;
    }

    private static String describe(long at, String what, List<Long> times) {
        String failover = gaps(at, at + ONSET_MS, times).stream().filter(p -> p.length() > PAUSE_MS).findFirst()
                .map(p -> "failover " + p.length() + " ms (the first pause; processing resumed " + (p.to() - at)
                        + " ms after the fault was issued)")
                .orElse("no pause over " + PAUSE_MS + " ms began within " + ONSET_MS / 1000 + " s of the fault");
        StringBuilder longer = new StringBuilder();
        gaps(at, at + WINDOW_MS, times).stream().filter(p -> p.length() > PAUSE_MS)
                .forEach(p -> longer.append(String.format(" %+.1f s for %d ms;", Math.max(0, p.from() - at) / 1000.0,
                        p.length())));
        return what + ": " + failover + "; pauses over " + PAUSE_MS + " ms in the minute after:"
                + (longer.isEmpty() ? " none" : longer.toString());
    }
}

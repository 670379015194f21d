package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import java.util.Arrays;

/**
 * The settlements that arrived ahead of the resume point, keyed by sequence number: a ring of
 * slots indexed by {@code seq & mask}, grown (doubling) when a settlement lies beyond it. Every
 * stored sequence number lies in {@code [base, base + capacity)}, where {@code base} is the
 * caller's watermark, so no two share a slot. Flow control bounds how far ahead settlements run,
 * so the ring stays small and settling allocates nothing per event.
 *
 * <p>Not thread-safe: the {@link ResumeTracker} guards it with its lock.
 */
final class SettledRing {
    private static final int INITIAL_CAPACITY = 64;
    private static final long EMPTY = -1;

    private long[] seqs = filled(INITIAL_CAPACITY);
    private Action[] actions = new Action[INITIAL_CAPACITY];
    private String[] ids = new String[INITIAL_CAPACITY];
    private int size;

    /**
     * Stores the settlement of {@code seq}.
     *
     * @param base the lowest sequence number that can still be stored (the watermark), {@code <= seq}
     */
    void put(long base, long seq, Action action, String lastEventId) {
        if (seq - base >= seqs.length) {
            grow(base, seq);
        }
        int i = (int) seq & (seqs.length - 1);
        if (seqs[i] != seq) {
            size++;
        }
        seqs[i] = seq;
        actions[i] = action;
        ids[i] = lastEventId;
    }

    /** Whether {@code seq} has a stored settlement. */
    boolean contains(long seq) {
        return size > 0 && seqs[(int) seq & (seqs.length - 1)] == seq;
    }

    /** The stored action of {@code seq}; only after {@link #contains} said yes. */
    Action action(long seq) {
        return actions[(int) seq & (seqs.length - 1)];
    }

    /** The stored last event ID of {@code seq}; only after {@link #contains} said yes. */
    String lastEventId(long seq) {
        return ids[(int) seq & (seqs.length - 1)];
    }

    /** Forgets the settlement of {@code seq}, if stored. */
    void remove(long seq) {
        int i = (int) seq & (seqs.length - 1);
        if (seqs[i] == seq) {
            seqs[i] = EMPTY;
            actions[i] = null;
            ids[i] = null;
            size--;
        }
    }

    /** How many settlements are stored. */
    int size() {
        return size;
    }

    /** Slots available before the ring must grow. */
    int capacity() {
        return seqs.length;
    }

    private void grow(long base, long seq) {
        int capacity = seqs.length;
        while (seq - base >= capacity) {
            if (capacity >= 1 << 30) {
                throw new IllegalStateException("more than 2^30 settlements ahead of the resume point");
            }
            capacity <<= 1;
        }
        long[] oldSeqs = seqs;
        Action[] oldActions = actions;
        String[] oldIds = ids;
        seqs = filled(capacity);
        actions = new Action[capacity];
        ids = new String[capacity];
        for (int j = 0; j < oldSeqs.length; j++) {
            if (oldSeqs[j] != EMPTY) {
                int i = (int) oldSeqs[j] & (capacity - 1);
                seqs[i] = oldSeqs[j];
                actions[i] = oldActions[j];
                ids[i] = oldIds[j];
            }
        }
    }

    private static long[] filled(int capacity) {
        long[] a = new long[capacity];
        Arrays.fill(a, EMPTY);
        return a;
    }
}

package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Action;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The unsettled delivery tags of one channel, and the pure rule that turns a batch's decisions
 * into as few frames as possible: {@code multiple=true} for a run of same-action tags only when
 * those tags are exactly the lowest unsettled ones on the channel (so nothing outside the batch
 * is settled by accident); every other tag gets its own frame.
 *
 * <p>A channel's tags only grow, so the unsettled ones are kept as bits over a window that
 * starts at the lowest unsettled tag: recording and settling a tag allocate nothing.
 *
 * <p>Not thread-safe; the owning channel session serializes access.
 */
final class AckTracker {
    /** Bits below the lowest unsettled tag that are dropped at once when the window slides. */
    private static final int SLIDE = 4096;
    private BitSet unsettled = new BitSet();
    /** The tag of bit 0. */
    private long offset = 1;
    /** No unsettled tag has a lower bit than this. */
    private int lowestHint;
    private int count;
    /** The tag after the highest delivered one. */
    private long next = 1;
    /** The lowest unsettled tag just before the last successful {@link #remove}. */
    private long lowestBefore;

    /** Records a delivered tag; tags arrive in increasing order. */
    void delivered(long tag) {
        if (tag < offset) {
            throw new IllegalArgumentException("delivery tag " + tag + " arrived after higher tags were settled");
        }
        long bit = tag - offset;
        if (bit > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("more than 2^31 unsettled delivery tags on one channel");
        }
        if (!unsettled.get((int) bit)) {
            unsettled.set((int) bit);
            count++;
        }
        next = Math.max(next, tag + 1);
    }

    /** How many tags are unsettled. */
    int outstanding() {
        return count;
    }

    /**
     * Plans the frames for a set of decisions and marks their tags settled. Tags that are not
     * outstanding (already settled, or unknown) are ignored: sending them would close the channel.
     *
     * @param tags    the tags, in increasing order
     * @param actions the action per tag, same order
     * @param n       how many entries of the arrays count
     * @return the frames, to be sent in order
     */
    List<AckOp> settle(long[] tags, Action[] actions, int n) {
        Plan plan = new Plan();
        for (int i = 0; i < n; i++) {
            if (i > 0 && tags[i] <= tags[i - 1]) {
                throw new IllegalArgumentException("delivery tags must be increasing, got " + tags[i] + " after " + tags[i - 1]);
            }
            if (remove(tags[i])) {
                plan.add(tags[i], actions[i], tags[i] == lowestBefore);
            }
        }
        slide();
        return plan.finish();
    }

    /** The frames so far and the open run of same-action tags, each the lowest unsettled one if contiguous. */
    private static final class Plan {
        private final List<AckOp> ops = new ArrayList<>(1);
        private Action action;
        private boolean contiguous;
        private long last;
        private int size;

        void add(long tag, Action next, boolean lowest) {
            if (lowest && size > 0 && action == next && contiguous) {
                last = tag;
                size++;
                return;
            }
            close();
            action = next;
            contiguous = lowest;
            last = tag;
            size = 1;
        }

        private void close() {
            if (size > 0) {
                ops.add(new AckOp(last, size > 1, action));
            }
        }

        List<AckOp> finish() {
            close();
            return ops;
        }
    }

    /** Marks a tag settled; {@code false} when it was not outstanding. */
    private boolean remove(long tag) {
        long bit = tag - offset;
        if (bit < 0 || bit > Integer.MAX_VALUE || !unsettled.get((int) bit)) {
            return false;
        }
        lowestHint = unsettled.nextSetBit(lowestHint);
        lowestBefore = offset + lowestHint;
        unsettled.clear((int) bit);
        count--;
        return true;
    }

    /** Moves the window up to the lowest unsettled tag once many bits below it are settled. */
    private void slide() {
        if (count == 0) {
            offset = next;
            unsettled.clear();
            lowestHint = 0;
            return;
        }
        lowestHint = unsettled.nextSetBit(lowestHint);
        if (lowestHint >= SLIDE) {
            unsettled = unsettled.get(lowestHint, unsettled.length());
            offset += lowestHint;
            lowestHint = 0;
        }
    }
}

package io.asyncworker.rabbitmq.internal;

import io.asyncworker.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The unsettled delivery tags of one channel, and the pure rule that turns a batch's decisions
 * into as few frames as possible: {@code multiple=true} for a run of same-action tags only when
 * those tags are exactly the lowest unsettled ones on the channel (so nothing outside the batch
 * is settled by accident); every other tag gets its own frame.
 *
 * <p>Not thread-safe; the owning channel session serializes access.
 */
final class AckTracker {
    private final TreeSet<Long> outstanding = new TreeSet<>();

    /** Records a delivered tag. */
    void delivered(long tag) {
        outstanding.add(tag);
    }

    /** How many tags are unsettled. */
    int outstanding() {
        return outstanding.size();
    }

    /**
     * Plans the frames for a set of decisions and marks their tags settled. Tags that are not
     * outstanding (already settled, or unknown) are ignored: sending them would close the channel.
     *
     * @param decisions action per tag, in tag order
     * @return the frames, to be sent in order
     */
    List<AckOp> settle(SortedMap<Long, Action> decisions) {
        List<AckOp> ops = new ArrayList<>();
        Run run = null;
        for (Map.Entry<Long, Action> d : decisions.entrySet()) {
            long tag = d.getKey();
            Action action = d.getValue();
            if (outstanding.isEmpty() || !outstanding.contains(tag)) {
                continue;
            }
            boolean lowest = outstanding.first() == tag;
            outstanding.remove(tag);
            if (lowest && run != null && run.action == action && run.contiguous) {
                run.extend(tag);
                continue;
            }
            if (run != null) {
                ops.add(run.op());
            }
            run = new Run(action, tag, lowest);
        }
        if (run != null) {
            ops.add(run.op());
        }
        return ops;
    }

    /** A run of same-action tags; {@code contiguous} when each was the lowest unsettled tag. */
    private static final class Run {
        final Action action;
        final boolean contiguous;
        long last;
        int size = 1;

        Run(Action action, long tag, boolean contiguous) {
            this.action = action;
            this.last = tag;
            this.contiguous = contiguous;
        }

        void extend(long tag) {
            last = tag;
            size++;
        }

        AckOp op() {
            return new AckOp(last, size > 1, action);
        }
    }
}

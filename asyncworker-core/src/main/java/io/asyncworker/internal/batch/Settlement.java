package io.asyncworker.internal.batch;

import io.asyncworker.Action;
import io.asyncworker.Message;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.Outcomes;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out the verdicts of one batch: a message whose channel is gone gets REQUEUE, every
 * decision is sealed (so {@code decision()} reports what was sent), a requeue of a message that
 * keeps coming back waits a little (no hot loop), the settled messages are counted, and the sink
 * gets the rest in one call, in source order.
 */
final class Settlement<I extends Inbound> {
    private final RouteContext<I, ? extends Message> route;
    private final List<Tracked<I>> messages;
    private final Verdict[] early;

    Settlement(RouteContext<I, ? extends Message> route, List<Tracked<I>> messages, Verdict[] early) {
        this.route = route;
        this.messages = messages;
        this.early = early;
    }

    /**
     * @param verdicts  one per message
     * @param immediate true at stop: no requeue waits
     */
    void carryOut(Verdict[] verdicts, boolean immediate) {
        int n = messages.size();
        List<I> now = new ArrayList<>(n);
        List<Verdict> nowVerdicts = new ArrayList<>(n);
        Delayed<I> later = new Delayed<>();
        Counts counts = new Counts(route.metrics());
        for (int i = 0; i < n; i++) {
            Tracked<I> t = messages.get(i);
            boolean current = t.inbound.isCurrent();
            Verdict v = current ? verdicts[i] : Verdict.REQUEUE;
            t.seal(v.action());
            count(i, t.inbound.source(), v, counts);
            Duration wait = immediate || !current ? Duration.ZERO : heldFor(i, t, v);
            if (wait.isZero()) {
                now.add(t.inbound);
                nowVerdicts.add(v);
            } else {
                later.add(t.inbound, wait);
            }
        }
        counts.flush();
        if (!now.isEmpty()) {
            route.sink().settle(now, nowVerdicts);
        }
        later.schedule(route.delayed());
    }

    /** Counts a settled message, unless it was stale before the handler (counted as invalid then). */
    private void count(int i, String source, Verdict v, Counts counts) {
        if (early[i] != Verdict.REQUEUE) {
            counts.add(source, v.action());
            countRetry(source, v);
        }
    }

    /** How long the requeue of a handled message that keeps coming back waits; zero for everything else. */
    private Duration heldFor(int i, Tracked<I> t, Verdict v) {
        return route.holdRequeues() && early[i] == null && v == Verdict.REQUEUE
                ? Outcomes.requeueDelay(t.inbound.deliveryCount()) : Duration.ZERO;
    }

    private void countRetry(String source, Verdict v) {
        if (v.kind() == Verdict.Kind.RETRY) {
            route.metrics().retried(source, v.attempt());
        } else if (v.kind() == Verdict.Kind.PARK) {
            route.metrics().parked(source, 1);
        }
    }

    /** Requeues that wait, grouped by delay (a batch usually has one). */
    private static final class Delayed<I extends Inbound> {
        private final List<Duration> delays = new ArrayList<>(1);
        private final List<List<I>> groups = new ArrayList<>(1);

        void add(I message, Duration delay) {
            int at = delays.indexOf(delay);
            if (at < 0) {
                delays.add(delay);
                groups.add(new ArrayList<>());
                at = delays.size() - 1;
            }
            groups.get(at).add(message);
        }

        void schedule(DelayedSettles<I> delayed) {
            for (int i = 0; i < delays.size(); i++) {
                delayed.requeueLater(groups.get(i), delays.get(i));
            }
        }
    }

    /** Counts settled messages in runs of the same source and action: one meter update per run. */
    private static final class Counts {
        private final RouteMetrics metrics;
        private String source;
        private Action action;
        private int count;

        Counts(RouteMetrics metrics) {
            this.metrics = metrics;
        }

        void add(String nextSource, Action nextAction) {
            if (count > 0 && (nextAction != action || !nextSource.equals(source))) {
                flush();
            }
            source = nextSource;
            action = nextAction;
            count++;
        }

        void flush() {
            if (count > 0) {
                metrics.settled(source, action, count);
                count = 0;
            }
        }
    }
}

package io.asyncworker.sse.internal;

import io.asyncworker.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one stream resumes: the last event ID of the last event whose batch finished, advanced
 * strictly in stream order although batches may finish out of order. Every event gets a
 * sequence number when it is delivered; a settled event moves the resume point only once every
 * earlier event has settled. ACK and REJECT move it past the event; the first REQUEUE in order
 * freezes it there until the stream reconnects, so that the failed events and everything after
 * them are delivered again.
 *
 * <p>Delivery counts are per position after the resume point: each requeue round remembers how
 * many events from the frozen position on reached the user's handler, and an event of a later
 * round counts one more delivery for every earlier round that handled its position. Events only
 * read (dropped from the bucket, or skipped as stale) are not counted, nor is a new event that
 * merely arrives while a replayed batch still runs.
 *
 * <p>Thread-safe: the reader delivers on the event loop while settlements arrive from handler
 * threads.
 */
final class ResumeTracker {
    private static final int MAX_ROUNDS = 1000;

    private final SettledRing outOfOrder = new SettledRing();
    private long nextSeq;
    private long watermark;
    private String resumeId;
    private boolean frozen;
    private long frozenAt = -1;
    /** {@link #staleAfter()} as of the last change, for reads without the lock. */
    private volatile long staleAfter = Long.MAX_VALUE;
    private long maxHandled = -1;
    /** Per earlier requeue round: how many positions after the resume point it delivered. */
    private final List<Long> roundLengths = new ArrayList<>();
    /** Whether {@link #roundLengths} has any; only the reader's thread makes it non-empty. */
    private volatile boolean anyRounds;

    /** A delivered event as a settlement sees it. */
    interface Delivered {
        /** The number {@link #deliver()} gave it. */
        long seq();

        /** The stream's last event ID when it was dispatched. */
        String lastEventId();
    }

    /** What a settlement changed. */
    enum Change {
        /** Nothing the stream must act on. */
        NONE,
        /** A REQUEUE reached the resume point: reconnect to get the events again. */
        REQUEUED
    }

    /** @param initialId the ID a fresh stream resumes from, empty for none */
    ResumeTracker(String initialId) {
        this.resumeId = initialId;
    }

    /** Numbers a delivered event. */
    synchronized long deliver() {
        return nextSeq++;
    }

    /**
     * How many times the position of a just delivered event has been delivered since the resume
     * point last moved: 1, plus one per earlier requeue round that reached it.
     */
    long deliveryCount(long seq) {
        // rounds are only added on the reader's thread, which calls this: a false read is exact
        return anyRounds ? countDeliveries(seq) : 1;
    }

    private synchronized long countDeliveries(long seq) {
        long position = seq - watermark;
        long count = 1;
        for (long length : roundLengths) {
            if (length > position) {
                count++;
            }
        }
        return count;
    }

    /** An event is about to reach the user's handler. */
    synchronized void handled(long seq) {
        maxHandled = Math.max(maxHandled, seq);
    }

    /**
     * Records a dispatch point without data that changed the last event ID: it finishes as soon as
     * everything before it has.
     */
    synchronized Change idOnly(String lastEventId) {
        return settle(nextSeq++, Action.ACK, lastEventId);
    }

    /** Records the action for one delivered event. */
    synchronized Change settle(long seq, Action action, String lastEventId) {
        if (seq < watermark) {
            return Change.NONE;
        }
        if (seq > watermark) {
            outOfOrder.put(watermark, seq, action, lastEventId);
            return Change.NONE;
        }
        watermark++;
        Change change = apply(action, lastEventId);
        while (outOfOrder.contains(watermark)) {
            long next = watermark++;
            if (apply(outOfOrder.action(next), outOfOrder.lastEventId(next)) == Change.REQUEUED) {
                change = Change.REQUEUED;
            }
            outOfOrder.remove(next);
        }
        return change;
    }

    /**
     * Records the actions of {@code events[from, to)} in that order under one lock. An event that
     * is {@linkplain #isStale stale} when its turn comes gets REQUEUE; {@code actions[i]} is
     * replaced by the action recorded.
     *
     * @return {@link Change#REQUEUED} when any of them reached the resume point as a REQUEUE
     */
    synchronized Change settle(List<? extends Delivered> events, Action[] actions, int from, int to) {
        Change change = Change.NONE;
        for (int i = from; i < to; i++) {
            Delivered event = events.get(i);
            if (frozen && event.seq() > frozenAt) { // isStale, under the lock held already
                actions[i] = Action.REQUEUE;
            }
            if (settle(event.seq(), actions[i], event.lastEventId()) == Change.REQUEUED) {
                change = Change.REQUEUED;
            }
        }
        return change;
    }

    /** Applies the action of the event just below the watermark. */
    private Change apply(Action action, String lastEventId) {
        if (frozen) {
            return Change.NONE;
        }
        if (action == Action.REQUEUE) {
            frozen = true;
            frozenAt = watermark - 1;
            staleAfter = frozenAt;
            return Change.REQUEUED;
        }
        resumeId = lastEventId;
        if (!roundLengths.isEmpty()) { // the resume point moved one position on
            roundLengths.replaceAll(length -> length - 1);
            roundLengths.removeIf(length -> length <= 0);
            anyRounds = !roundLengths.isEmpty();
        }
        return Change.NONE;
    }

    /** The {@code Last-Event-ID} to reconnect with, empty for none. */
    synchronized String resumeId() {
        return resumeId;
    }

    /** Whether a REQUEUE froze the resume point. */
    synchronized boolean frozen() {
        return frozen;
    }

    /**
     * Whether an event comes after a requeued one that froze the resume point: it will be
     * delivered again after the reconnect, so handling it now would only duplicate work.
     */
    boolean isStale(long seq) {
        return seq > staleAfter; // written under the lock whenever frozen or frozenAt change
    }

    /**
     * The sequence number after which events are {@linkplain #isStale stale} right now,
     * {@code Long.MAX_VALUE} when none are: one lock for a whole batch's check.
     */
    long staleAfter() {
        return staleAfter;
    }

    /** Delivered events not yet settled in order. */
    synchronized long unsettled() {
        return nextSeq - watermark;
    }

    /** Whether every delivered event has settled. */
    synchronized boolean quiescent() {
        return watermark == nextSeq;
    }

    /**
     * The stream reconnects from {@link #resumeId()}, with every delivered event settled: the
     * REQUEUE freeze ends, and the events handled from the frozen position on will come again.
     */
    synchronized void reconnected() {
        // bounded, so that a poison loop without maxDeliveries cannot grow it forever
        if (frozen && maxHandled >= frozenAt && roundLengths.size() < MAX_ROUNDS) {
            roundLengths.add(maxHandled - frozenAt + 1);
            anyRounds = true;
        }
        maxHandled = -1;
        frozen = false;
        frozenAt = -1;
        staleAfter = Long.MAX_VALUE;
    }
}

package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Return;
import io.asyncworker.rabbitmq.PublishException.Failure;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unconfirmed publishes of one confirm channel, by sequence number, and the returns waiting
 * for their confirm. Pure bookkeeping; not thread-safe (its channel's lock guards it).
 *
 * <p><b>Returns without headers.</b> RabbitMQ sends the {@code basic.return} of an unroutable
 * mandatory message before the {@code basic.ack} of that same message, on the same channel (its
 * confirms guide: "the basic.return is sent to the client before basic.ack"), and confirms it at
 * once, while earlier routed messages may be confirmed later (after their queues wrote them). So
 * a return waits here until a confirm arrives, and is matched to a publish that confirm covers
 * with the same exchange, routing key and body; when one confirm covers several such publishes,
 * the newest is taken, since the broker sends the return right before the ack of the message it
 * just routed. No header is added to the message.
 */
final class ConfirmTracker {
    private final NavigableMap<Long, PendingPublish> pending = new TreeMap<>();
    private final List<Return> returns = new ArrayList<>();

    /** A publish the broker has answered; {@code rejection} empty means it was confirmed. */
    record Settled(PendingPublish publish, Optional<Rejection> rejection) {
    }

    /** Why a publish was not taken. */
    record Rejection(Failure failure, String reason) {
    }

    /** What a lost channel leaves: publishes whose return arrived, and the ones still open. */
    record Drained(List<Settled> returned, List<PendingPublish> open) {
    }

    void add(long seq, PendingPublish p) {
        pending.put(seq, p);
    }

    void remove(long seq) {
        pending.remove(seq);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    void returned(Return r) {
        returns.add(r);
    }

    /** A {@code basic.ack} or {@code basic.nack}: the publishes it covers, each with its outcome. */
    List<Settled> confirmed(long tag, boolean multiple, boolean nack) {
        NavigableMap<Long, PendingPublish> covered = multiple ? pending.headMap(tag, true)
                : pending.subMap(tag, true, tag, true);
        List<PendingPublish> done = new ArrayList<>(covered.values());
        covered.clear();
        Map<PendingPublish, Return> matched = matchReturns(done);
        List<Settled> settled = new ArrayList<>(done.size());
        for (PendingPublish p : done) {
            Return r = matched.get(p);
            Optional<Rejection> rejection = r != null ? Optional.of(new Rejection(Failure.UNROUTABLE, p.message().unroutable(r)))
                    : nack ? Optional.of(new Rejection(Failure.REFUSED, "the broker refused it (basic.nack)"))
                    : Optional.empty();
            settled.add(new Settled(p, rejection));
        }
        return settled;
    }

    /** The channel is gone: every open publish, those already returned apart. */
    Drained drain() {
        List<PendingPublish> all = new ArrayList<>(pending.values());
        pending.clear();
        Map<PendingPublish, Return> matched = matchReturns(all);
        returns.clear();
        List<Settled> returned = new ArrayList<>();
        List<PendingPublish> open = new ArrayList<>();
        for (PendingPublish p : all) {
            Return r = matched.get(p);
            if (r != null) {
                returned.add(new Settled(p, Optional.of(new Rejection(Failure.UNROUTABLE, p.message().unroutable(r)))));
            } else {
                open.add(p);
            }
        }
        return new Drained(returned, open);
    }

    /** Returns that no open publish can be: dropped, for the caller to log. */
    List<Return> dropOrphanReturns() {
        if (returns.isEmpty()) {
            return List.of();
        }
        List<Return> orphans = new ArrayList<>();
        returns.removeIf(r -> pending.values().stream().noneMatch(p -> p.message().matches(r)) && orphans.add(r));
        return orphans;
    }

    /** Matches waiting returns, newest first, to the newest matching publish among {@code done}; consumes them. */
    private Map<PendingPublish, Return> matchReturns(List<PendingPublish> done) {
        Map<PendingPublish, Return> matched = new IdentityHashMap<>();
        for (int i = returns.size() - 1; i >= 0 && !returns.isEmpty(); i--) {
            Return r = returns.get(i);
            for (int j = done.size() - 1; j >= 0; j--) {
                PendingPublish p = done.get(j);
                if (!matched.containsKey(p) && p.message().matches(r)) {
                    matched.put(p, r);
                    returns.remove(i);
                    break;
                }
            }
        }
        return matched;
    }
}

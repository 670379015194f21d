package io.asyncworker.internal.batch;

import io.asyncworker.Action;
import io.asyncworker.DecodeException;
import io.asyncworker.Message;
import io.asyncworker.spi.Inbound;
import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.Outcomes;
import io.asyncworker.spi.TaskRunner;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch on its way through the handler to its settlement, settled exactly once: messages of a
 * dead channel and undecodable ones are taken out, the rest handled, each decided, limited, sealed
 * and handed to the sink with its verdict.
 */
final class PipelineBatch<I extends Inbound, M extends Message> implements TaskRunner.Task {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineBatch.class);

    private final RouteContext<I, M> route;
    private final List<Tracked<I>> messages;
    private final AtomicBoolean settled = new AtomicBoolean();
    /** Per message: null while it may reach the handler, else the verdict it got before. */
    private final Verdict[] early;
    /** Set once {@link #early} is complete: from then on the messages without an early verdict were handed. */
    private volatile boolean screened;
    /** The inbound form of the messages {@link #screen()} hands on, in order (read by the observation). */
    private final List<I> handedInbound;

    PipelineBatch(RouteContext<I, M> route, List<Tracked<I>> messages) {
        this.route = route;
        this.messages = messages;
        this.early = new Verdict[messages.size()];
        this.handedInbound = new ArrayList<>(messages.size());
    }

    @Override
    public void run() {
        List<M> handed = screen();
        Throwable failure = handed.isEmpty() ? null : route.observation().observe(handedInbound, () -> invokeHandler(handed));
        if (failure != null) {
            logFailure(failure, handed.size());
        }
        settle(decide(failure));
    }

    /** Takes out stale and undecodable messages; returns the handler's messages. */
    private List<M> screen() {
        Class<?> bodyType = route.options().bodyType().orElse(null);
        List<M> handed = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Tracked<I> t = messages.get(i);
            early[i] = !t.inbound.isCurrent() ? Verdict.REQUEUE
                    : bodyType != null && !decodes(t, bodyType) ? Verdict.REJECT : null;
            if (early[i] == null) {
                handed.add(route.messages().apply(t.inbound, t));
                handedInbound.add(t.inbound);
            }
        }
        countStale();
        screened = true;
        if (!handedInbound.isEmpty()) {
            route.sink().handing(handedInbound);
        }
        return handed;
    }

    /** Messages of a dead channel never reached the handler: counted as invalid, the source sends them again. */
    private void countStale() {
        int stale = 0;
        for (Verdict v : early) {
            stale += v == Verdict.REQUEUE ? 1 : 0;
        }
        if (stale > 0) {
            route.metrics().invalid(messages.get(0).inbound.source(), "stale", stale);
            LOG.debug("route '{}': {} messages of a dead channel skipped; the source delivers them again", route.name(), stale);
        }
    }

    private boolean decodes(Tracked<I> t, Class<?> type) {
        try {
            t.decodeDeclared(type);
            return true;
        } catch (DecodeException e) {
            route.metrics().invalid(t.inbound.source(), "decode");
            route.notes().tryAcquire("decode").ifPresent(held -> LOG.warn("route '{}': rejecting message {} from '{}': "
                    + "not a valid {}: {}{}", route.name(), t.inbound.id().orElse("(no id)"), t.inbound.source(),
                    type.getSimpleName(), e.getMessage(), LogLimiter.heldBack(held)));
            return false;
        }
    }

    private Throwable invokeHandler(List<M> handed) {
        route.metrics().inflight().incrementAndGet();
        long start = route.timer().nanoTime();
        Throwable failure = null;
        try {
            CompletionStage<?> stage = route.handler().handle(Collections.unmodifiableList(handed));
            if (stage != null) {
                stage.toCompletableFuture().get();
            }
        } catch (ExecutionException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            route.metrics().inflight().decrementAndGet();
            route.metrics().handlerDone(Duration.ofNanos(route.timer().nanoTime() - start), failure == null);
        }
        return failure;
    }

    /** One stack trace per exception type per window; every failure is counted. */
    private void logFailure(Throwable failure, int size) {
        String type = failure.getClass().getName();
        route.metrics().handlerError(type);
        route.failures().tryAcquire(type).ifPresent(held -> LOG.error("route '{}': handler failed on a batch of {} "
                + "messages; undecided messages get {}{}", route.name(), size, route.options().retry().isPresent()
                ? "a retry or the parking lot" : route.options().onException(), LogLimiter.heldBack(held), failure));
    }

    /** The verdict of every message: early ones as they are, handled ones by the outcome rule and limit. */
    private Verdict[] decide(Throwable failure) {
        Verdict[] verdicts = new Verdict[messages.size()];
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] = early[i] != null ? early[i] : handledVerdict(messages.get(i), failure);
        }
        return verdicts;
    }

    private Verdict handledVerdict(Tracked<I> t, Throwable failure) {
        Intent intent = t.intent();
        String parkReason = intent == Intent.PARK ? t.parkReason() : null; // one lock less per message
        Verdict v = Verdicts.of(intent, parkReason, failure, t.inbound.attempt(), route.options());
        return v.kind() == Verdict.Kind.REQUEUE ? limited(t, Action.REQUEUE) : v;
    }

    private Verdict limited(Tracked<I> t, Action decided) {
        Action limited = Outcomes.limitDeliveries(decided, t.inbound.deliveryCount(), route.options().maxDeliveries());
        if (limited != decided) {
            route.notes().tryAcquire("limit").ifPresent(held -> LOG.warn("route '{}': message {} from '{}' was delivered "
                    + "{} times (maxDeliveries {}); rejecting instead of requeueing{}", route.name(),
                    t.inbound.id().orElse("(no id)"), t.inbound.source(), t.inbound.deliveryCount(),
                    route.options().maxDeliveries().getAsInt(), LogLimiter.heldBack(held)));
        }
        return Verdict.of(limited);
    }

    @Override
    public void abandon() {
        if (!settled.get()) {
            LOG.warn("route '{}': requeueing a batch of {} messages that did not finish before the shutdown budget",
                    route.name(), messages.size());
        }
        settle(abandonedVerdicts(), true);
    }

    /**
     * REQUEUE for every message, except that one the handler was given is limited by
     * {@code maxDeliveries}: a message that hangs its handler on its last allowed delivery must not
     * come back forever.
     */
    private Verdict[] abandonedVerdicts() {
        Verdict[] all = new Verdict[messages.size()];
        Arrays.fill(all, Verdict.REQUEUE);
        if (screened) {
            for (int i = 0; i < all.length; i++) {
                if (early[i] == null) {
                    all[i] = limited(messages.get(i), Action.REQUEUE);
                }
            }
        }
        return all;
    }

    private void settle(Verdict[] verdicts) {
        settle(verdicts, false);
    }

    private void settle(Verdict[] verdicts, boolean immediate) {
        if (settled.compareAndSet(false, true)) {
            new Settlement<>(route, messages, early).carryOut(verdicts, immediate);
        }
    }
}

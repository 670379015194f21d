package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.AMQP;
import io.asyncworker.rabbitmq.PublishException;
import io.asyncworker.rabbitmq.RetryHeaders;
import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.RouteMetrics;
import io.asyncworker.spi.SettleSink;
import io.asyncworker.spi.TimerService;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out RETRY and PARK verdicts on the broker (SPEC §14), then hands every verdict to the
 * {@link AmqpSettler}: a message to retry is republished to its delay queue, one to park to its
 * parking lot, through the connection's publisher with confirms, and acked only once the broker
 * confirmed the copy. A crash or a lost channel between the confirm and the ack leaves the
 * message in both places: delivered twice, never lost. A copy that fails (not confirmed, refused,
 * unroutable) is not acked: the message is requeued after {@link #FAILED_HOLD} instead, so that a
 * broker refusing copies cannot make a poison message loop hot; an unroutable copy (a delay queue
 * was deleted) also declares the route's queues again.
 *
 * <p>Called on handler threads as {@link io.asyncworker.spi.SettleSink} says; it waits there for
 * the confirms, so a batch holds its concurrency slot until its copies are safe.
 */
final class RetrySink implements SettleSink<Delivery> {
    private static final Logger LOG = LoggerFactory.getLogger(RetrySink.class);
    /** How long a message whose copy failed waits before it is requeued. */
    static final Duration FAILED_HOLD = Duration.ofSeconds(1);

    private final String route;
    private final RouteRetries retries;
    private final SettleSink<Delivery> settler;
    private final ConnectionInternals.Parts publishing;
    private final TimerService timer;
    private final Supplier<RouteMetrics> metrics;
    private final Runnable redeclare;
    private final LogLimiter failures;

    RetrySink(String route, RouteRetries retries, SettleSink<Delivery> settler, ConnectionInternals.Parts publishing,
              TimerService timer, Supplier<RouteMetrics> metrics, Runnable redeclare) {
        this.route = route;
        this.retries = retries;
        this.settler = settler;
        this.publishing = publishing;
        this.timer = timer;
        this.metrics = metrics;
        this.redeclare = redeclare;
        this.failures = LogLimiter.every(Duration.ofSeconds(10), timer);
    }

    @Override
    public void handing(List<Delivery> batch) {
        for (Delivery d : batch) {
            Map<String, Object> headers = d.properties().getHeaders();
            if (headers != null && headers.containsKey(RetryHeaders.REPLAYED) && d.attempt() == 1 && d.deliveryCount() == 1) {
                metrics.get().replayed(d.source(), 1);
            }
        }
        settler.handing(batch);
    }

    @Override
    public void settle(List<Delivery> batch, List<Verdict> verdicts) {
        int n = batch.size();
        List<CompletableFuture<Void>> copies = new ArrayList<>(Collections.nCopies(n, null));
        for (int i = 0; i < n; i++) {
            if (isCopy(verdicts.get(i)) && batch.get(i).isCurrent()) {
                copies.set(i, republish(batch.get(i), verdicts.get(i)));
            }
        }
        if (copies.stream().allMatch(c -> c == null)) {
            settler.settle(batch, verdicts.stream().map(v -> isCopy(v) ? Verdict.REQUEUE : v).toList());
            return;
        }
        awaitAll(copies);
        settleConfirmed(batch, verdicts, copies);
    }

    private static boolean isCopy(Verdict v) {
        return v.kind() == Verdict.Kind.RETRY || v.kind() == Verdict.Kind.PARK;
    }

    /** Acks the messages whose copy was confirmed, settles the others as decided, requeues failed copies later. */
    private void settleConfirmed(List<Delivery> batch, List<Verdict> verdicts, List<CompletableFuture<Void>> copies) {
        List<Delivery> now = new ArrayList<>(batch.size());
        List<Verdict> nowVerdicts = new ArrayList<>(batch.size());
        List<Delivery> failed = new ArrayList<>();
        Throwable why = null;
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<Void> copy = copies.get(i);
            if (copy == null || confirmed(copy)) {
                now.add(batch.get(i));
                nowVerdicts.add(copy != null ? Verdict.ACK : isCopy(verdicts.get(i)) ? Verdict.REQUEUE : verdicts.get(i));
            } else {
                failed.add(batch.get(i));
                why = why != null ? why : cause(copy);
            }
        }
        if (!now.isEmpty()) {
            settler.settle(now, nowVerdicts);
        }
        if (!failed.isEmpty()) {
            copiesFailed(failed, why);
        }
    }

    private CompletableFuture<Void> republish(Delivery d, Verdict v) {
        RetryQueues places = retries.of(d.source());
        FailureHeaders.Origin origin = new FailureHeaders.Origin(route, d.source(), d.envelope().getExchange(),
                d.envelope().getRoutingKey());
        Instant now = timer.now();
        boolean retry = v.kind() == Verdict.Kind.RETRY;
        String target = retry ? places.delayQueueFor(v.delay()) : places.parkingLot();
        AMQP.BasicProperties props = retry ? FailureHeaders.retry(d.properties(), origin, v, now)
                : FailureHeaders.park(d.properties(), origin, v, now);
        try {
            return publishing.publisher().publishAsync("", target, d.payload(), props, true)
                    .orTimeout(publishing.confirmTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits until every copy is confirmed or failed; each has the confirm timeout. */
    private static void awaitAll(List<CompletableFuture<Void>> copies) {
        try {
            CompletableFuture.allOf(copies.stream().filter(c -> c != null).toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            // each copy's own outcome is read below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the copies not confirmed yet count as failed: never acked
        }
    }

    private static boolean confirmed(CompletableFuture<Void> copy) {
        return copy.isDone() && !copy.isCompletedExceptionally();
    }

    private static Throwable cause(CompletableFuture<Void> copy) {
        try {
            copy.getNow(null);
            return new TimeoutException("interrupted before the broker confirmed the copy");
        } catch (CompletionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (CancellationException e) {
            return e;
        }
    }

    private void copiesFailed(List<Delivery> failed, Throwable why) {
        failed.forEach(d -> metrics.get().retryFailed(d.source(), 1));
        if (why instanceof PublishException pe && pe.failure() == PublishException.Failure.UNROUTABLE) {
            redeclare.run();
        }
        failures.tryAcquire().ifPresent(held -> LOG.warn("route '{}': {} failed messages could not be copied to their "
                + "delay queue or parking lot ({}); they are requeued in {} ms instead{}", route, failed.size(),
                describe(why), FAILED_HOLD.toMillis(), LogLimiter.heldBack(held)));
        timer.schedule(FAILED_HOLD, () -> Thread.ofVirtual().name("aw-retry-requeue").start(() ->
                settler.settle(failed, Collections.nCopies(failed.size(), Verdict.REQUEUE))));
    }

    private static String describe(Throwable why) {
        if (why instanceof TimeoutException) {
            return "no publisher confirm in time";
        }
        return why == null ? "unknown" : why.getMessage() != null ? why.getMessage() : why.toString();
    }
}

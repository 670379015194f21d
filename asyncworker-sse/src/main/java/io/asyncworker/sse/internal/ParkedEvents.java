package io.asyncworker.sse.internal;

import io.asyncworker.spi.LogLimiter;
import io.asyncworker.spi.TimerService;
import io.asyncworker.spi.Verdict;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an SSE route does with a parked event (SPEC §14): a stream has no queue to park in, so the
 * event is skipped like a rejected one (the resume point moves past it), counted by the pipeline as
 * {@code asyncworker.messages.parked}, and logged here: one WARN per route per {@link #WINDOW}
 * naming the event and its failure, the rest held back and counted in the next. A route that must
 * keep such events sends them somewhere itself, e.g. publishes them from its handler.
 *
 * <p>Thread-safe; called from handler threads.
 */
final class ParkedEvents {
    /** One warning per route per 10 s. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ParkedEvents.class);

    private final String route;
    private final LogLimiter limiter;

    ParkedEvents(String route, TimerService timer) {
        this.route = route;
        this.limiter = LogLimiter.every(WINDOW, timer);
    }

    void parked(SseEvent event, Verdict verdict) {
        Verdict.Failure f = verdict.failure().orElse(new Verdict.Failure("unknown", ""));
        limiter.tryAcquire().ifPresent(held -> LOG.warn("route '{}': event {} of {} parked after {} attempts ({}: {}); "
                + "an SSE stream has no parking lot, so it is skipped{}", route, event.id().orElse("(no id)"),
                event.source(), verdict.attempt(), f.type(), f.message(), LogLimiter.heldBack(held)));
    }
}

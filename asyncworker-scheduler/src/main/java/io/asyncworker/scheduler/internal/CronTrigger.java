package io.asyncworker.scheduler.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Runs due at the fire times of a 6-field cron expression (second minute hour day-of-month month
 * day-of-week, Spring 5.3 syntax with {@code L}, {@code W}, {@code #} and {@code ?}) in a zone.
 *
 * <p>Fire times come from cron-utils ({@link ExecutionTime#nextExecution}), which also decides
 * daylight-saving transitions: a fire time inside a spring-forward gap does not happen that day,
 * and in a fall-back overlap an expression with a fixed hour fires once (at the first
 * occurrence) while one with a wildcard hour fires in both occurrences.
 */
public final class CronTrigger implements Trigger {
    private static final Instant REFERENCE = Instant.parse("2000-01-01T00:00:00Z");
    private static final int COUNT_LIMIT = 10_000;
    /** Longer expressions are refused: cron-utils' parse time grows with the length (60k chars take seconds). */
    static final int MAX_LENGTH = 1_000;
    private static final String SHAPE = "expected 6 fields: second minute hour day-of-month month day-of-week,"
            + " e.g. '0 */5 * * * *'";

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronTrigger(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /**
     * Parses and checks an expression.
     *
     * @throws IllegalArgumentException naming the expression and the problem, also when no date
     *                                  ever matches it (e.g. {@code 0 0 0 30 2 *}) or it is longer
     *                                  than {@value #MAX_LENGTH} characters
     */
    public static CronTrigger parse(String expression, ZoneId zone) {
        if (expression.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("cron expression must have at most " + MAX_LENGTH + " characters, got "
                    + expression.length() + ": '" + printable(expression.substring(0, 40)) + "...'");
        }
        String normalized = normalize(expression);
        CronTrigger trigger = new CronTrigger(normalized, zone, ExecutionTime.forCron(parseCron(normalized)));
        if (trigger.firstAtOrAfter(REFERENCE).isEmpty()) {
            throw new IllegalArgumentException("cron expression '" + printable(normalized)
                    + "' never fires: no date matches it");
        }
        return trigger;
    }

    private static Cron parseCron(String normalized) {
        try {
            return new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53))
                    .parse(normalized).validate();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cron expression '" + printable(normalized) + "' is invalid: "
                    + printable(String.valueOf(e.getMessage())) + " (" + SHAPE + ")", e);
        }
    }

    /** Trimmed, each run of white space (tabs, line breaks) made one space, so names and logs stay one line. */
    private static String normalize(String expression) {
        return expression.trim().replaceAll("\\s+", " ");
    }

    /** For messages: other control characters shown as {@code ?}. */
    private static String printable(String text) {
        return normalize(text).replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public Duration defaultInitialDelay() {
        return Duration.ZERO;
    }

    @Override
    public Optional<Instant> firstAtOrAfter(Instant t) {
        return after(t.minusNanos(1));
    }

    @Override
    public Optional<NextFire> next(Instant previous, Instant now) {
        Optional<Instant> next = after(previous);
        if (next.isEmpty() || !next.get().isBefore(now)) {
            return next.map(n -> new NextFire(n, 0));
        }
        Instant from = next.get();
        return firstAtOrAfter(now).map(jump -> new NextFire(jump, countFrom(from, jump)));
    }

    /** Fire times in {@code [from, to)}, counted up to a limit. */
    private long countFrom(Instant from, Instant to) {
        long count = 0;
        Optional<Instant> t = Optional.of(from);
        while (t.isPresent() && t.get().isBefore(to) && count < COUNT_LIMIT) {
            count++;
            t = after(t.get());
        }
        return count;
    }

    /** The first fire time strictly after {@code t}. */
    private Optional<Instant> after(Instant t) {
        // Fire times are whole seconds, but cron-utils carries a fraction of the start through.
        ZonedDateTime start = t.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
        return times.nextExecution(start).map(ZonedDateTime::toInstant);
    }

    @Override
    public boolean fromCompletion() {
        return false;
    }

    @Override
    public boolean wallClock() {
        return true;
    }

    @Override
    public String describe() {
        return "cron '" + expression + "' " + zone;
    }

    /** The expression as given, trimmed and with single spaces between fields. */
    public String expression() {
        return expression;
    }

    /** The zone the expression is read in. */
    public ZoneId zone() {
        return zone;
    }
}

package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.asyncworker.App;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * SPEC §14 with default settings: one message whose handler always throws must not loop hot. It
 * used to be redelivered about 2,500 times a second with a stack trace each time; now its requeue
 * waits 100 ms on its second delivery, doubling to one second, and the route logs one stack trace
 * per exception type per 10 s, counting every failure.
 */
class PoisonMessageIT {
    /** The logger of handler failures. */
    private static final String FAILURES = "io.asyncworker.internal.batch.PipelineBatch";

    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level level;

    @BeforeEach
    void captureFailureLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(FAILURES);
        level = logger.getLevel();
        logger.setLevel(Level.ERROR);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void restoreLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(FAILURES);
        logger.detachAppender(log);
        logger.setLevel(level);
    }

    @Test
    void aPoisonMessageWithDefaultSettingsCostsAtMostTwentyDeliveriesAndTwoStackTracesInTenSeconds() {
        TestBroker.declareClassic(queue);
        TestBroker.publish(queue, 1);
        AtomicInteger deliveries = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        App app = apps.app();
        app.connection(TestBroker.connection().build());
        app.route(AmqpRoute.consume(queue).handler(batch -> {
            first.compareAndSet(0, System.nanoTime());
            deliveries.incrementAndGet();
            throw new IllegalStateException("poison");
        }));
        app.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.get() > 0);
        long start = first.get();
        await().during(Duration.ofSeconds(10).minusNanos(System.nanoTime() - start)).atMost(Duration.ofSeconds(11))
                .until(() -> deliveries.get() <= 20);
        int seen = deliveries.get();
        long traces = log.list.stream().filter(e -> e.getThrowableProxy() != null).count();
        assertThat(seen).as("deliveries in 10 s").isBetween(8, 20);
        assertThat(traces).as("stack traces in 10 s").isBetween(1L, 2L);
        assertThat(log.list.get(0).getThrowableProxy().getMessage()).isEqualTo("poison");
        assertThat(app.meters().find("asyncworker.handler.errors").tags("route", queue, "exception",
                "java.lang.IllegalStateException").counter().count()).as("every failure counted").isGreaterThanOrEqualTo(seen);
        System.out.printf("poison message, default settings: %d deliveries and %d stack traces in 10 s%n", seen, traces);
    }
}

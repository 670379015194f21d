package io.asyncworker.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SkipLogTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private final Harness h = new Harness();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.asyncworker.scheduler.internal.ScheduleRunner");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @AfterEach
    void close() {
        release.countDown();
        logger.detachAppender(log);
        h.close();
    }

    @Test
    void oneSchedulesSkipLinesNeverHideAnotherSchedulesLine() {
        log.start();
        logger.addAppender(log);
        for (String name : new String[] {"busy", "quiet"}) {
            h.route(Schedule.every(TEN).name(name).handler(h.recording(ctx -> release.await())));
        }
        h.app.start();
        h.advance(TEN);
        h.awaitStarted(2);
        h.advance(TEN); // both skip within the same second
        assertThat(h.skips("busy", "overlap")).isEqualTo(1.0);
        assertThat(h.skips("quiet", "overlap")).isEqualTo(1.0);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("schedule 'busy': run due at"))
                .anySatisfy(line -> assertThat(line).startsWith("schedule 'quiet': run due at"));
    }

    @Test
    void aScheduleStillLimitsItsOwnSkipLines() {
        log.start();
        logger.addAppender(log);
        h.route(Schedule.every(Duration.ofMillis(1)).name("hot").handler(h.recording(ctx -> release.await())));
        h.app.start();
        h.advance(Duration.ofMillis(1));
        h.awaitStarted(1);
        for (int i = 0; i < 100; i++) {
            h.advance(Duration.ofMillis(1));
        }
        assertThat(h.skips("hot", "overlap")).isEqualTo(100.0);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("schedule 'hot': run due at")).hasSize(1);
    }
}

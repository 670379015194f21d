package io.asyncworker.sse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the SSE stream logger writes while a test runs, by level. */
final class StreamLog implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.asyncworker.sse.internal.SseStream");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    StreamLog() {
        appender.start();
        logger.addAppender(appender);
    }

    /** The formatted messages logged at this level, in order. */
    List<String> at(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}

package io.asyncworker.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * logback's configuration for a worker that brings none: logback finds this class through
 * {@code META-INF/services} and calls it before its own defaults (which would log everything at DEBUG).
 *
 * <p>When the worker has a configuration of its own ({@code logback.configurationFile}, or
 * {@code logback-test.xml} or {@code logback.xml} on the class path) this configurator does nothing
 * and logback reads that file as usual. Otherwise it logs to the console with the root at INFO,
 * {@link #QUIET_LOGGERS} at WARN and {@code io.asyncworker} at the level named by
 * {@code ASYNCWORKER_LOG_LEVEL} (a system property of that name wins over the environment variable;
 * default INFO).
 *
 * <p>Threading: logback creates and calls it once, on the thread that first asks for a logger.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class AsyncWorkerConfigurator extends ContextAwareBase implements Configurator {

    /** The variable (or system property) that sets the level of the {@code io.asyncworker} loggers. */
    public static final String LEVEL_VARIABLE = "ASYNCWORKER_LOG_LEVEL";

    /** Libraries that log only warnings and errors by default (their DEBUG start-up is noise). */
    public static final List<String> QUIET_LOGGERS = List.of("io.netty", "io.vertx", "com.rabbitmq",
            "io.micrometer", "com.cronutils", "org.testcontainers", "com.github.dockerjava");

    /** The line: time, level, thread, logger, message, then the MDC ({@code route}, {@code traceId}, ...) in braces when set. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%replace( {%X}){' \\{\\}', ''}%n";

    private final Function<String, String> lookup;

    /** The configurator logback instantiates; reads {@code ASYNCWORKER_LOG_LEVEL} from the process. */
    public AsyncWorkerConfigurator() {
        this(AsyncWorkerConfigurator::fromProcess);
    }

    AsyncWorkerConfigurator(Function<String, String> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * Configures the context unless the worker brings its own configuration.
     *
     * @param context the context logback is setting up
     * @return {@code INVOKE_NEXT_IF_ANY} when the worker's own file should be read, else
     *         {@code DO_NOT_INVOKE_NEXT_IF_ANY}
     */
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (hasOwnConfiguration(context)) {
            addInfo("the worker brings a logback configuration; asyncworker's defaults stay unused");
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets the console appender and the levels on a context; used when there is no user configuration. */
    void apply(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context));
        for (String name : QUIET_LOGGERS) {
            context.getLogger(name).setLevel(Level.WARN);
        }
        context.getLogger("io.asyncworker").setLevel(frameworkLevel());
    }

    private boolean hasOwnConfiguration(LoggerContext context) {
        DefaultJoranConfigurator joran = new DefaultJoranConfigurator();
        joran.setContext(context);
        ClassLoader loader = AsyncWorkerConfigurator.class.getClassLoader();
        return joran.findURLOfDefaultConfigurationFile(false) != null
                || System.getProperty("logback.scmoFile") != null
                || loader.getResource("logback-test.scmo") != null
                || loader.getResource("logback.scmo") != null;
    }

    private Level frameworkLevel() {
        String raw = lookup.apply(LEVEL_VARIABLE);
        if (raw == null || raw.isBlank()) {
            return Level.INFO;
        }
        Level level = Level.toLevel(raw.trim().toUpperCase(Locale.ROOT), null);
        if (level == null) {
            addWarn(LEVEL_VARIABLE + "=" + raw + " is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF); using INFO");
            return Level.INFO;
        }
        return level;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("asyncworker-console");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private static String fromProcess(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }
}

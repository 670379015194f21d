package io.asyncworker.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.status.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsyncWorkerConfiguratorTest {

    private final LoggerContext context = new LoggerContext();

    private ExecutionStatus configureWith(Map<String, String> env) {
        AsyncWorkerConfigurator configurator = new AsyncWorkerConfigurator(env::get);
        configurator.setContext(context);
        return configurator.configure(context);
    }

    private Level effective(String logger) {
        return context.getLogger(logger).getEffectiveLevel();
    }

    @Test
    void rootIsInfoNoisyLibrariesWarnAndTheFrameworkInfoWithoutTheVariable() {
        ExecutionStatus status = configureWith(Map.of());

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(effective(Logger.ROOT_LOGGER_NAME)).isEqualTo(Level.INFO);
        assertThat(effective("com.acme.Worker")).isEqualTo(Level.INFO);
        assertThat(effective("io.asyncworker.internal.app.DefaultApp")).isEqualTo(Level.INFO);
        assertThat(effective("io.netty.util.internal.PlatformDependent0")).isEqualTo(Level.WARN);
        assertThat(effective("io.vertx.core.impl.VertxImpl")).isEqualTo(Level.WARN);
        assertThat(effective("com.rabbitmq.client.impl.AMQConnection")).isEqualTo(Level.WARN);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("asyncworker-console")).isNotNull();
    }

    @Test
    void asyncworkerLogLevelSetsOnlyTheFrameworkLoggers() {
        configureWith(Map.of("ASYNCWORKER_LOG_LEVEL", "debug"));

        assertThat(effective("io.asyncworker.rabbitmq.internal.Consumer")).isEqualTo(Level.DEBUG);
        assertThat(effective("io.netty.buffer.PooledByteBufAllocator")).isEqualTo(Level.WARN);
        assertThat(effective("com.acme.Worker")).isEqualTo(Level.INFO);
    }

    @Test
    void anUnknownLevelFallsBackToInfoAndSaysSoInLogbacksStatus() {
        configureWith(Map.of("ASYNCWORKER_LOG_LEVEL", "LOUD"));

        assertThat(effective("io.asyncworker")).isEqualTo(Level.INFO);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .anySatisfy(s -> {
                    assertThat(s.getLevel()).isEqualTo(Status.WARN);
                    assertThat(s.getMessage()).contains("ASYNCWORKER_LOG_LEVEL=LOUD is not a level");
                });
    }
}

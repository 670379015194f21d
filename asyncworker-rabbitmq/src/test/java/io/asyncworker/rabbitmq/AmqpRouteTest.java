package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Action;
import io.asyncworker.Origin;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpRouteTest {

    @Test
    void keepsEveryOption() {
        AmqpRoute route = AmqpRoute.consume("a", "b").name("items").bulkSize(100).flushTimeout(Duration.ofSeconds(2))
                .onSuccess(Action.ACK).onException(Action.REJECT).maxConcurrency(2).maxDeliveries(5)
                .connection("jobs").declare(QueueDeclaration.quorum()).bodyType(String.class)
                .handler(batch -> { });
        assertThat(route.type()).isEqualTo(RouteType.AMQP_RABBITMQ);
        assertThat(route.name()).isEqualTo("items");
        assertThat(route.queues()).containsExactly("a", "b");
        assertThat(route.sources()).containsExactly("a", "b");
        assertThat(route.options().bulkSize()).isEqualTo(100);
        assertThat(route.options().onException()).isEqualTo(Action.REJECT);
        assertThat(route.options().maxDeliveries()).hasValue(5);
        assertThat(route.connection().name()).contains("jobs");
        assertThat(route.declaration().orElseThrow().isQuorum()).isTrue();
        assertThat(route.bodyType()).contains(String.class);
    }

    @Test
    void defaultNameIsTheQueueList() {
        assertThat(AmqpRoute.consume("a", "b").handler(batch -> { }).name()).isEqualTo("a,b");
    }

    @Test
    void laterBuilderCallsDoNotChangeABuiltRoute() {
        AmqpRouteBuilder builder = AmqpRoute.consume("a").bulkSize(10);
        AmqpRoute route = builder.handler(batch -> { });
        builder.bulkSize(20).name("other");
        assertThat(route.options().bulkSize()).isEqualTo(10);
        assertThat(route.name()).isEqualTo("a");
    }

    @Test
    void rejectsBadOptionsAtOnceNamingThem() {
        assertThatThrownBy(AmqpRoute::consume).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queues");
        assertThatThrownBy(() -> AmqpRoute.consume("a", " ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> AmqpRoute.consume("a", "a")).hasMessageContaining("'a' twice");
        assertThatThrownBy(() -> AmqpRoute.consume("a").bulkSize(0)).hasMessageContaining("bulkSize");
        assertThatThrownBy(() -> AmqpRoute.consume("a").flushTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("flushTimeout");
        assertThatThrownBy(() -> AmqpRoute.consume("a").maxDeliveries(0)).hasMessageContaining("maxDeliveries");
        assertThatThrownBy(() -> AmqpRoute.consume("a").maxConcurrency(0)).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> AmqpRoute.consume("a").connection(" ")).hasMessageContaining("connection");
        assertThatThrownBy(() -> AmqpRoute.consume("a").name("")).hasMessageContaining("name");
    }

    @Test
    void describesEffectiveOptionsWithOrigins() {
        Settings settings = Settings.from(Map.of(Settings.FLUSH_TIMEOUT.name(), "3s"));
        var options = AmqpRoute.consume("a").bulkSize(50).handler(batch -> { }).describe(settings);
        assertThat(options).contains(new RouteOption("queues", "a", Origin.CODE),
                new RouteOption("bulkSize", "50", Origin.CODE),
                new RouteOption("flushTimeout", "PT3S", Origin.ENVIRONMENT, java.util.List.of("ASYNCWORKER_FLUSH_TIMEOUT")),
                new RouteOption("connection", "the only AMQP connection", Origin.DEFAULT));
    }

    @Test
    void queueDeclarationIsAnImmutableValue() {
        QueueDeclaration base = QueueDeclaration.durable();
        QueueDeclaration withDlx = base.deadLetterExchange("dlx");
        assertThat(base.arguments()).isEmpty();
        assertThat(withDlx.deadLetterExchange()).contains("dlx");
        assertThat(QueueDeclaration.quorum().isQuorum()).isTrue();
        assertThat(QueueDeclaration.transientQueue().isDurable()).isFalse();
        assertThatThrownBy(() -> base.argument(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

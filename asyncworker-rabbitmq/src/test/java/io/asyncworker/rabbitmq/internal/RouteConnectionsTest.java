package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteConnectionsTest {
    private final AmqpConnection a = AmqpConnection.builder().name("a").build();
    private final AmqpConnection b = AmqpConnection.builder().name("b").build();

    @Test
    void theOnlyConnectionIsTheDefault() {
        assertThat(RouteConnections.resolve(AmqpRoute.consume("q").handler(x -> { }), List.of(a))).isSameAs(a);
    }

    @Test
    void aRouteChoosesByNameOrObject() {
        assertThat(RouteConnections.resolve(AmqpRoute.consume("q").connection("b").handler(x -> { }), List.of(a, b)))
                .isSameAs(b);
        AmqpConnection unregistered = AmqpConnection.builder().name("c").build();
        assertThat(RouteConnections.resolve(AmqpRoute.consume("q").connection(unregistered).handler(x -> { }),
                List.of(a, b))).isSameAs(unregistered);
    }

    @Test
    void noneSeveralOrAnUnknownNameFailNamingTheRoute() {
        assertThatThrownBy(() -> RouteConnections.resolve(AmqpRoute.consume("q").handler(x -> { }), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("route 'q' needs an AMQP connection");
        assertThatThrownBy(() -> RouteConnections.resolve(AmqpRoute.consume("q").handler(x -> { }), List.of(a, b)))
                .hasMessageContaining("must choose one of the AMQP connections a, b");
        assertThatThrownBy(() -> RouteConnections.resolve(AmqpRoute.consume("q").connection("x").handler(y -> { }),
                List.of(a))).hasMessageContaining("'x'").hasMessageContaining("registered: a");
    }

    @Test
    void effectiveBulkSizeIsClampedToPrefetch() {
        assertThat(RouteRuntime.effectiveBulkSize("r", 1000, 128)).isEqualTo(128);
        assertThat(RouteRuntime.effectiveBulkSize("r", 10, 128)).isEqualTo(10);
    }
}

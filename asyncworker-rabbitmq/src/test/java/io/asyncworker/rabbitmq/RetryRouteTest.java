package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Action;
import io.asyncworker.Origin;
import io.asyncworker.RetryPolicy;
import io.asyncworker.RouteOption;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry options of a RabbitMQ route: checked at the builder, shown by {@code routes}. */
class RetryRouteTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(5)
            .backoff(Duration.ofMillis(500), Duration.ofSeconds(2)).build();

    @Test
    void routesShowsTheDelayQueuesAndTheParkingLot() {
        AmqpRoute route = AmqpRoute.consume("items", "urgent").retry(POLICY).handler(batch -> { });
        assertThat(route.options().retry()).contains(POLICY);
        assertThat(route.parkingLot()).isEmpty();
        assertThat(route.describe(Settings.from(Map.of()))).contains(
                new RouteOption("retry", POLICY.toString(), Origin.CODE),
                new RouteOption("delayQueues", "items.retry.500ms, items.retry.1s, items.retry.2s, urgent.retry.500ms, "
                        + "urgent.retry.1s, urgent.retry.2s (nominal delays, no jitter)", Origin.CODE),
                new RouteOption("parkingLot", "items.parking-lot, urgent.parking-lot", Origin.DEFAULT));
    }

    @Test
    void aNamedParkingLotIsSharedByTheRoutesQueues() {
        AmqpRoute route = AmqpRoute.consume("items", "urgent").retry(POLICY).parkingLot("failed-items").handler(batch -> { });
        assertThat(route.parkingLot()).contains("failed-items");
        assertThat(route.describe(Settings.from(Map.of())))
                .contains(new RouteOption("parkingLot", "failed-items", Origin.CODE));
    }

    @Test
    void aRouteWithoutAPolicyShowsNoRetryQueues() {
        AmqpRoute route = AmqpRoute.consume("items").handler(batch -> { });
        assertThat(route.describe(Settings.from(Map.of()))).extracting(RouteOption::name)
                .doesNotContain("delayQueues", "parkingLot");
    }

    @Test
    void badRetryOptionsFailAtTheBuilderNamingThem() {
        assertThatThrownBy(() -> AmqpRoute.consume("items").onException(Action.REJECT).retry(POLICY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry and onException");
        assertThatThrownBy(() -> AmqpRoute.consume("items").parkingLot("lot").handler(batch -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parkingLot('lot') needs a retry policy");
        assertThatThrownBy(() -> AmqpRoute.consume("items").parkingLot("items")).hasMessageContaining("parkingLot");
        assertThatThrownBy(() -> AmqpRoute.consume("items").parkingLot(" ")).hasMessageContaining("parkingLot");
        assertThatThrownBy(() -> AmqpRoute.consume("q".repeat(250)).retry(POLICY))
                .hasMessageContaining("retry: the derived queue name").hasMessageContaining("255");
        RetryPolicy tooMany = RetryPolicy.builder().maxAttempts(100).backoff(Duration.ofMillis(1), Duration.ofDays(30), 1.1).build();
        assertThatThrownBy(() -> AmqpRoute.consume("items").retry(tooMany)).hasMessageContaining("distinct delays");
    }
}

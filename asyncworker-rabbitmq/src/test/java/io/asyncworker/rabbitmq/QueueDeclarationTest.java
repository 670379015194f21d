package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.rabbitmq.QueueDeclaration.Overflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueDeclarationTest {

    @Test
    void namedOptionsBecomeTheBrokersArgumentsWithTheirTypes() {
        QueueDeclaration q = QueueDeclaration.classic().deadLetterExchange("dlx").deadLetterRoutingKey("dead")
                .messageTtl(Duration.ofSeconds(60)).expires(Duration.ofHours(1)).maxLength(1000).maxLengthBytes(1 << 20)
                .overflow(Overflow.REJECT_PUBLISH_DLX).singleActiveConsumer().maxPriority(10);
        assertThat(q.arguments()).containsExactly(
                java.util.Map.entry("x-dead-letter-exchange", "dlx"),
                java.util.Map.entry("x-dead-letter-routing-key", "dead"),
                java.util.Map.entry("x-message-ttl", 60_000L),
                java.util.Map.entry("x-expires", 3_600_000L),
                java.util.Map.entry("x-max-length", 1000L),
                java.util.Map.entry("x-max-length-bytes", 1048576L),
                java.util.Map.entry("x-overflow", "reject-publish-dlx"),
                java.util.Map.entry("x-single-active-consumer", true),
                java.util.Map.entry("x-max-priority", 10));
        assertThat(q.type()).isEqualTo("classic");
        assertThat(QueueDeclaration.quorum().deliveryLimit(5).arguments())
                .containsEntry("x-queue-type", "quorum").containsEntry("x-delivery-limit", 5);
        assertThat(QueueDeclaration.stream().maxAge(Duration.ofDays(7)).arguments()).containsEntry("x-max-age", "604800s");
    }

    @Test
    void refusesOptionsTheQueueTypeDoesNotTakeNamingTheOption() {
        assertThatThrownBy(() -> QueueDeclaration.quorum().maxPriority(5))
                .hasMessageContaining("maxPriority").hasMessageContaining("quorum");
        assertThatThrownBy(() -> QueueDeclaration.stream().deadLetterExchange("dlx"))
                .hasMessageContaining("deadLetterExchange").hasMessageContaining("stream");
        assertThatThrownBy(() -> QueueDeclaration.classic().deliveryLimit(3)).hasMessageContaining("deliveryLimit");
        assertThatThrownBy(() -> QueueDeclaration.classic().maxAge(Duration.ofHours(1))).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> QueueDeclaration.quorum().overflow(Overflow.REJECT_PUBLISH_DLX))
                .hasMessageContaining("REJECT_PUBLISH_DLX");
        assertThatThrownBy(() -> QueueDeclaration.transientQueue().argument("x-queue-type", "quorum"))
                .hasMessageContaining("always durable");
        assertThatThrownBy(() -> QueueDeclaration.durable().argument("x-queue-type", "lazy"))
                .hasMessageContaining("x-queue-type");
        // the check also holds when the type comes after the option
        assertThatThrownBy(() -> QueueDeclaration.classic().maxPriority(3).argument("x-queue-type", "quorum"))
                .hasMessageContaining("maxPriority");
    }

    @Test
    void checksExtremeValuesAtOnce() {
        assertThatThrownBy(() -> QueueDeclaration.classic().messageTtl(Duration.ofMillis(-1))).hasMessageContaining("messageTtl");
        assertThatThrownBy(() -> QueueDeclaration.classic().messageTtl(Duration.ofMillis(4_294_967_296L)))
                .hasMessageContaining("messageTtl");
        assertThat(QueueDeclaration.classic().messageTtl(Duration.ZERO).arguments()).containsEntry("x-message-ttl", 0L);
        assertThatThrownBy(() -> QueueDeclaration.classic().expires(Duration.ZERO)).hasMessageContaining("expires");
        assertThatThrownBy(() -> QueueDeclaration.classic().maxLength(-1)).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> QueueDeclaration.classic().maxLengthBytes(-1)).hasMessageContaining("maxLengthBytes");
        assertThatThrownBy(() -> QueueDeclaration.classic().maxPriority(0)).hasMessageContaining("maxPriority");
        assertThatThrownBy(() -> QueueDeclaration.classic().maxPriority(256)).hasMessageContaining("maxPriority");
        assertThatThrownBy(() -> QueueDeclaration.quorum().deliveryLimit(-1)).hasMessageContaining("deliveryLimit");
        assertThatThrownBy(() -> QueueDeclaration.stream().maxAge(Duration.ofMillis(1500))).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> QueueDeclaration.classic().overflow(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDeadLetterRoutingKeyWithoutExchangeIsRefusedWhereTheDeclarationIsUsed() {
        QueueDeclaration keyOnly = QueueDeclaration.classic().deadLetterRoutingKey("dead");
        assertThatThrownBy(() -> AmqpTopology.builder().queue("q", keyOnly)).hasMessageContaining("deadLetterExchange");
        assertThatThrownBy(() -> AmqpRoute.consume("q").declare(keyOnly)).hasMessageContaining("deadLetterExchange");
        assertThat(AmqpTopology.builder().queue("q", keyOnly.deadLetterExchange("")).build().queues()).containsKey("q");
    }

    @Test
    void isAValueWithEquality() {
        assertThat(QueueDeclaration.quorum().deliveryLimit(3)).isEqualTo(QueueDeclaration.quorum().deliveryLimit(3))
                .hasSameHashCodeAs(QueueDeclaration.quorum().deliveryLimit(3))
                .isNotEqualTo(QueueDeclaration.quorum().deliveryLimit(4));
        QueueDeclaration base = QueueDeclaration.classic();
        base.maxLength(3);
        assertThat(base.arguments()).isEmpty();
    }
}

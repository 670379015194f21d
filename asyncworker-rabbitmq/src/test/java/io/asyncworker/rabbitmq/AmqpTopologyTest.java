package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value classes of a declared topology: exchanges, bindings, and the topology that holds them. */
class AmqpTopologyTest {

    @Test
    void exchangesAreDurableByDefaultAndCarryTheirOptions() {
        Exchange e = Exchange.topic("orders").alternateExchange("unrouted").internal(true);
        assertThat(e.type()).isEqualTo("topic");
        assertThat(e.isDurable()).isTrue();
        assertThat(e.isAutoDelete()).isFalse();
        assertThat(e.isInternal()).isTrue();
        assertThat(e.arguments()).containsEntry("alternate-exchange", "unrouted");
        assertThat(Exchange.fanout("f").durable(false).autoDelete(true).isAutoDelete()).isTrue();
        assertThat(Exchange.of("d", "x-delayed-message").type()).isEqualTo("x-delayed-message");
    }

    @Test
    void namesAreCheckedAtOnce() {
        assertThatThrownBy(() -> Exchange.direct(" ")).hasMessageContaining("exchange name");
        assertThatThrownBy(() -> Exchange.direct("amq.mine")).hasMessageContaining("amq.");
        assertThatThrownBy(() -> Exchange.direct("x".repeat(256))).hasMessageContaining("255");
        assertThatThrownBy(() -> AmqpTopology.builder().queue("amq.q", QueueDeclaration.classic()))
                .hasMessageContaining("amq.");
        assertThatThrownBy(() -> Binding.queue("q", "", "k")).hasMessageContaining("default exchange");
        assertThatThrownBy(() -> Binding.queue("q", "x", "k".repeat(256))).hasMessageContaining("routingKey");
        assertThatThrownBy(() -> Binding.queue(" ", "x", "k")).hasMessageContaining("queue");
    }

    @Test
    void headerBindingsMatchAllOrAny() {
        Binding all = Binding.queue("eu", "by-region", "").whereAll(Map.of("region", "eu"));
        assertThat(all.arguments()).containsEntry("x-match", "all").containsEntry("region", "eu");
        assertThat(Binding.queue("eu", "h", "").whereAny(Map.of("a", 1)).arguments()).containsEntry("x-match", "any");
        assertThatThrownBy(() -> Binding.queue("eu", "h", "").whereAll(Map.of())).hasMessageContaining("empty");
        assertThatThrownBy(() -> Binding.queue("eu", "h", "").whereAll(Map.of("x-match", "any")))
                .hasMessageContaining("x-");
        assertThat(Binding.exchange("archive", "orders", "#").toQueue()).isFalse();
    }

    @Test
    void aTopologyKeepsOrderAndAcceptsIdenticalRepeats() {
        AmqpTopology t = AmqpTopology.builder()
                .exchange(Exchange.topic("orders")).exchange(Exchange.fanout("orders.dlx"))
                .queue("orders.eu", QueueDeclaration.quorum().deadLetterExchange("orders.dlx"))
                .queue("orders.dlq", QueueDeclaration.quorum())
                .bind("orders.eu", "orders", "orders.*.eu").bind("orders.dlq", "orders.dlx", "")
                .exchange(Exchange.topic("orders")).bind("orders.eu", "orders", "orders.*.eu")
                .build();
        assertThat(t.exchanges()).extracting(Exchange::name).containsExactly("orders", "orders.dlx");
        assertThat(t.queues()).containsOnlyKeys("orders.eu", "orders.dlq");
        assertThat(t.bindings()).hasSize(2);
        assertThat(t.isEmpty()).isFalse();
        assertThat(AmqpTopology.empty().isEmpty()).isTrue();
    }

    @Test
    void declaringTheSameNameDifferentlyFailsNamingIt() {
        AmqpTopology a = AmqpTopology.builder().queue("q", QueueDeclaration.quorum()).build();
        AmqpTopology b = AmqpTopology.builder().queue("q", QueueDeclaration.classic()).build();
        assertThatThrownBy(() -> a.with(b)).hasMessageContaining("queue 'q' is declared twice, differently");
        assertThatThrownBy(() -> AmqpTopology.builder().exchange(Exchange.topic("x")).exchange(Exchange.direct("x")))
                .hasMessageContaining("exchange 'x'");
        assertThat(a.with(a)).isEqualTo(a);
    }

    @Test
    void aConnectionAddsUpWhatItIsToldToDeclare() {
        AmqpTopology a = AmqpTopology.builder().exchange(Exchange.topic("x")).build();
        AmqpTopology b = AmqpTopology.builder().queue("q", QueueDeclaration.quorum()).build();
        AmqpConnection c = AmqpConnection.builder().declare(a).declare(b).build();
        assertThat(c.topology()).isEqualTo(a.with(b));
        assertThat(c.toBuilder().build().topology()).isEqualTo(c.topology());
        assertThatThrownBy(() -> AmqpConnection.builder().declare(b)
                .declare(AmqpTopology.builder().queue("q", QueueDeclaration.classic()).build()))
                .hasMessageContaining("queue 'q'");
    }
}

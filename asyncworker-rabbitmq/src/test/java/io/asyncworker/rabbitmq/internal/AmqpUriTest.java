package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AmqpUriTest {

    @Test
    void parsesEveryPart() {
        AmqpUri uri = AmqpUri.parse("amqp://app:s%40cret@mq.example:5673/jobs");
        assertThat(uri).isEqualTo(new AmqpUri(false, List.of(new BrokerNode("mq.example", 5673)), Optional.of("app"),
                Optional.of("s@cret"), Optional.of("jobs")));
    }

    @Test
    void defaultsPortPerSchemeAndLeavesTheRestUnset() {
        assertThat(AmqpUri.parse("amqps://mq").port()).isEqualTo(5671);
        assertThat(AmqpUri.parse("amqps://mq").tls()).isTrue();
        AmqpUri plain = AmqpUri.parse("amqp://mq/");
        assertThat(plain.port()).isEqualTo(5672);
        assertThat(plain.username()).isEmpty();
        assertThat(plain.vhost()).isEmpty();
    }

    @Test
    void encodedSlashIsTheDefaultVhost() {
        assertThat(AmqpUri.parse("amqp://mq/%2F").vhost()).contains("/");
    }

    @Test
    void takesACommaSeparatedNodeListEachWithItsPortOrTheSchemes() {
        AmqpUri uri = AmqpUri.parse("amqp://u:p@h1:5672,h2:5673,h3/vhost");
        assertThat(uri.nodes()).containsExactly(new BrokerNode("h1", 5672), new BrokerNode("h2", 5673),
                new BrokerNode("h3", 5672));
        assertThat(uri.username()).contains("u");
        assertThat(uri.vhost()).contains("vhost");
        assertThat(AmqpUri.parse("amqps://[::1]:5700,10.0.0.2").nodes())
                .containsExactly(new BrokerNode("::1", 5700), new BrokerNode("10.0.0.2", 5671));
        assertThat(new BrokerNode("::1", 5700)).hasToString("[::1]:5700");
        assertThat(AmqpUri.parse("amqp://mq:5672?heartbeat=10").vhost()).isEmpty();
    }

    @Test
    void badUrlsNameTheProblemWithoutThePassword() {
        assertThatThrownBy(() -> AmqpUri.parse("http://u:topsecret@mq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amqp://")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://u:topsecret@/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://u:top%zzsecret@mq"))
                .hasMessageContaining("password").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://u:p@h1,,h2/")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://h1:99999")).hasMessageContaining("port");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://h1:x")).hasMessageContaining("malformed port");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://h 1")).hasMessageContaining("no valid host");
        assertThatThrownBy(() -> AmqpUri.parse("mq:5672")).hasMessageContaining("amqp://");
    }
}

package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AmqpUriTest {

    @Test
    void parsesEveryPart() {
        AmqpUri uri = AmqpUri.parse("amqp://app:s%40cret@mq.example:5673/jobs");
        assertThat(uri).isEqualTo(new AmqpUri(false, "mq.example", 5673, Optional.of("app"), Optional.of("s@cret"),
                Optional.of("jobs")));
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
    void badUrlsNameTheProblemWithoutThePassword() {
        assertThatThrownBy(() -> AmqpUri.parse("http://u:topsecret@mq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amqp://")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> AmqpUri.parse("amqp://u:topsecret@/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("topsecret");
    }
}

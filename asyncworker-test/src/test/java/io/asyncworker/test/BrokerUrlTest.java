package io.asyncworker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.test.internal.BrokerUrl;
import org.junit.jupiter.api.Test;

class BrokerUrlTest {

    @Test
    void readsUserPasswordHostAndVhost() {
        BrokerUrl url = BrokerUrl.parse("amqp://us%40er:p%2Bss@rabbit.example:5672/team%2Fa");

        assertThat(url).extracting(BrokerUrl::user, BrokerUrl::password, BrokerUrl::host, BrokerUrl::vhost)
                .containsExactly("us@er", "p+ss", "rabbit.example", "team/a");
        assertThat(url.isLoopback()).isFalse();
    }

    @Test
    void defaultsToGuestAndTheRootVhost() {
        BrokerUrl url = BrokerUrl.parse("amqp://127.0.0.1:5672");

        assertThat(url).extracting(BrokerUrl::user, BrokerUrl::password, BrokerUrl::vhost).containsExactly("guest", "guest", "/");
        assertThat(url.isLoopback()).isTrue();
        assertThat(BrokerUrl.parse("amqp://h/%2F").vhost()).isEqualTo("/");
    }

    @Test
    void replacesTheVhostKeepingCredentialsAndQuery() {
        assertThat(BrokerUrl.parse("amqp://u:p@h:5672/%2F").withVhost("aw test")).isEqualTo("amqp://u:p@h:5672/aw%20test");
        assertThat(BrokerUrl.parse("amqp://h:5672").withVhost("/")).isEqualTo("amqp://h:5672/%2F");
        assertThat(BrokerUrl.parse("amqps://h/v?heartbeat=5").withVhost("w")).isEqualTo("amqps://h/w?heartbeat=5");
    }

    @Test
    void rejectsWhatIsNotAnAmqpUrl() {
        assertThatThrownBy(() -> BrokerUrl.parse("http://h:15672")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an amqp:// URL");
    }
}

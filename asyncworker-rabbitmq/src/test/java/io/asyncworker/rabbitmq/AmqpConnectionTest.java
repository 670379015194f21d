package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmqpConnectionTest {

    @Test
    void takesEverythingFromSettings() {
        Settings s = Settings.from(Map.of(AmqpSettings.HOST.name(), "mq", AmqpSettings.PORT.name(), "5673",
                AmqpSettings.USERNAME.name(), "app", AmqpSettings.PASSWORD.name(), "pw", AmqpSettings.VHOST.name(), "jobs",
                AmqpSettings.PREFETCH.name(), "256", AmqpSettings.HEARTBEAT.name(), "15"));
        AmqpConnection c = AmqpConnection.from(s);
        assertThat(c.name()).isEqualTo("default");
        assertThat(c.type()).isEqualTo(RouteType.AMQP_RABBITMQ);
        assertThat(c.prefetch()).isEqualTo(256);
        assertThat(c.heartbeat()).isEqualTo(Duration.ofSeconds(15));
        ConnectionFactory f = c.connectionFactory();
        assertThat(f.getHost()).isEqualTo("mq");
        assertThat(f.getPort()).isEqualTo(5673);
        assertThat(f.getUsername()).isEqualTo("app");
        assertThat(f.getVirtualHost()).isEqualTo("jobs");
        assertThat(f.getRequestedHeartbeat()).isEqualTo(15);
        assertThat(f.isAutomaticRecoveryEnabled()).isFalse();
    }

    @Test
    void urlSettingOverridesTheFields() {
        Settings s = Settings.from(Map.of(AmqpSettings.URL.name(), "amqp://u:p@other:1234/v", AmqpSettings.HOST.name(), "mq"));
        ConnectionFactory f = AmqpConnection.from(s).connectionFactory();
        assertThat(f.getHost()).isEqualTo("other");
        assertThat(f.getPort()).isEqualTo(1234);
        assertThat(f.getVirtualHost()).isEqualTo("v");
    }

    @Test
    void urlFormWithOptions() {
        AmqpConnection c = AmqpConnection.builder().url("amqp://u:secret@mq:5672/%2F").name("jobs").prefetch(10).build();
        assertThat(c.name()).isEqualTo("jobs");
        assertThat(c.address()).isEqualTo("amqp://mq:5672/");
        assertThat(c.toString()).doesNotContain("secret");
        assertThat(c.toBuilder().name("copy").build().prefetch()).isEqualTo(10);
    }

    @Test
    void amqpsUrlTurnsOnTlsWithTheDefaultTrustStore() {
        AmqpConnection c = AmqpConnection.url("amqps://mq");
        assertThat(c.address()).startsWith("amqps://mq:5671");
        assertThat(c.connectionFactory().isSSL()).isTrue();
    }

    @Test
    void aUrlWithSeveralNodesConnectsThroughAllOfThem() {
        Settings s = Settings.from(Map.of(AmqpSettings.URL.name(), "amqp://u:p@h1:5672,h2:5673,h3:5674/v"));
        AmqpConnection c = AmqpConnection.from(s);
        assertThat(c.addresses()).containsExactly("h1:5672", "h2:5673", "h3:5674");
        assertThat(c.address()).isEqualTo("amqp://h1:5672,h2:5673,h3:5674/v");
        assertThat(c.connectionFactory().getVirtualHost()).isEqualTo("v");
        assertThat(List.of("h1", "h2", "h3")).contains(c.connectionFactory().getHost());
    }

    @Test
    void addressesTakeThePortSetSoFarWhenTheyHaveNone() {
        AmqpConnection c = AmqpConnection.builder().port(5700).addresses("a", "b:5800").build();
        assertThat(c.addresses()).containsExactly("a:5700", "b:5800");
        assertThat(AmqpConnection.builder().addresses("a:1", "b:2").port(3).build().addresses())
                .containsExactly("a:3", "b:3");
        assertThat(AmqpConnection.builder().addresses("a", "b").host("c").build().addresses()).containsExactly("c:5672");
        assertThatThrownBy(() -> AmqpConnection.builder().addresses()).hasMessageContaining("addresses");
        assertThatThrownBy(() -> AmqpConnection.builder().addresses("a:1", "a:1")).hasMessageContaining("repeat");
        assertThatThrownBy(() -> AmqpConnection.builder().addresses("a:0")).hasMessageContaining("port");
        assertThatThrownBy(() -> AmqpConnection.builder().host("a,b")).hasMessageContaining("addresses(");
        assertThatThrownBy(() -> Settings.from(Map.of(AmqpSettings.URL.name(), "amqp://u:secret@h1,,h2/")))
                .hasMessageContaining("ASYNCWORKER_AMQP_URL").hasMessageNotContaining("secret");
    }

    @Test
    void rejectsBadOptionsAtOnce() {
        assertThatThrownBy(() -> AmqpConnection.builder().prefetch(0)).hasMessageContaining("prefetch");
        assertThatThrownBy(() -> AmqpConnection.builder().port(0)).hasMessageContaining("port");
        assertThatThrownBy(() -> AmqpConnection.builder().name(" ")).hasMessageContaining("name");
        assertThatThrownBy(() -> AmqpConnection.builder().heartbeat(Duration.ofSeconds(-1)))
                .hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> AmqpConnection.builder().reconnectDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxReconnectDelay");
        assertThatThrownBy(() -> AmqpConnection.builder().url("ftp://x")).hasMessageContaining("amqp://");
        assertThatThrownBy(() -> AmqpConnection.builder().confirmTimeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .hasMessageStartingWith("confirmTimeout must be at most PT24H");
    }

    @Test
    void anExchangeOrRoutingKeyLongerThanAmqpCarriesIsRefusedBeforeAnythingIsSent() {
        AmqpConnection nowhere = AmqpConnection.builder().port(1).build();
        assertThatThrownBy(() -> nowhere.publish("", "k".repeat(256), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routingKey must be at most 255 UTF-8 bytes, got 256");
        assertThatThrownBy(() -> nowhere.publishAsync("e".repeat(300), "k", "x", PublishOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("exchange must be at most 255");
    }

    @Test
    void publishOptionsBecomePersistentPropertiesByDefault() {
        var props = PublishOptions.builder().header("k", "v").messageId("id").contentType("application/json").build()
                .properties();
        assertThat(props.getDeliveryMode()).isEqualTo(2);
        assertThat(props.getContentType()).isEqualTo("application/json");
        assertThat(PublishOptions.defaults().properties().getContentType()).as("left to the body's codec").isNull();
        assertThat(props.getHeaders()).containsEntry("k", "v");
        assertThat(PublishOptions.builder().persistent(false).build().properties()
                .getDeliveryMode()).isEqualTo(1);
        assertThatThrownBy(() -> PublishOptions.builder().priority(256)).hasMessageContaining("priority");
    }
}

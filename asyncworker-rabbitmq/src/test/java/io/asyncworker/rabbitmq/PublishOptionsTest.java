package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishOptionsTest {

    @Test
    void isMandatoryByDefaultOnlyOnTheDefaultExchangeWhereTheRoutingKeyNamesAQueue() {
        PublishOptions defaults = PublishOptions.defaults();
        assertThat(defaults.mandatory()).isEmpty();
        assertThat(defaults.mandatoryFor("")).isTrue();
        assertThat(defaults.mandatoryFor("events")).isFalse();
        PublishOptions off = PublishOptions.builder().mandatory(false).build();
        assertThat(off.mandatory()).isEqualTo(Optional.of(false));
        assertThat(off.mandatoryFor("")).isFalse();
        assertThat(PublishOptions.builder().mandatory(true).build().mandatoryFor("events")).isTrue();
    }

    @Test
    void theHeadersAreExactlyTheOnesSetAndCopied() {
        List<String> routes = new ArrayList<>(List.of("a"));
        PublishOptions options = PublishOptions.builder().header("tenant", "acme").header("CC", routes)
                .mandatory(true).build();
        routes.add("b");
        assertThat(options.properties().getHeaders()).containsOnlyKeys("tenant", "CC");
        assertThat(options.headers().get("CC")).isEqualTo(List.of("a"));
        assertThat(PublishOptions.builder().mandatory(true).build().properties().getHeaders()).isNull();
    }

    @Test
    void headerValuesAmqpCannotCarryAreRefusedAtOnceNamingTheHeader() {
        PublishOptions.Builder b = PublishOptions.builder();
        assertThatThrownBy(() -> b.header("when", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header 'when' has a value of type java.time.Instant, which AMQP headers cannot carry");
        assertThatThrownBy(() -> b.header("nested", Map.of("deep", List.of(new Object()))))
                .hasMessageStartingWith("header 'nested' has a value of type java.lang.Object");
        assertThatThrownBy(() -> b.header("amount", new BigDecimal("12345678901234567890")))
                .hasMessageContaining("header 'amount' is a BigDecimal AMQP cannot carry");
        assertThatThrownBy(() -> b.header("CC", "queue-a")).hasMessage("header 'CC' must be a List of routing keys "
                + "(Strings), got java.lang.String");
        assertThatThrownBy(() -> b.header("BCC", List.of(1))).hasMessageContaining("header 'BCC' must be a List");
        assertThatThrownBy(() -> b.header("n".repeat(256), 1)).hasMessageContaining("must be at most 255 UTF-8 bytes");
        assertThatThrownBy(() -> b.header("table", Map.of(1, "x"))).hasMessageContaining("not a String");
        b.header("fine", Map.of("n", 1, "list", List.of(1L, 2.5, true, new byte[] {1}, new Date(0), BigDecimal.ONE)));
    }

    @Test
    void propertiesAtTheirExtremesAreRefusedAtOnceNamingThem() {
        PublishOptions.Builder b = PublishOptions.builder();
        assertThatThrownBy(() -> b.messageId("é".repeat(128))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("messageId must be at most 255 UTF-8 bytes, got 256");
        assertThatThrownBy(() -> b.correlationId("x".repeat(256))).hasMessageStartingWith("correlationId");
        assertThatThrownBy(() -> b.replyTo("x".repeat(256))).hasMessageStartingWith("replyTo");
        assertThatThrownBy(() -> b.type("x".repeat(256))).hasMessageStartingWith("type");
        assertThatThrownBy(() -> b.contentType("x".repeat(256))).hasMessageStartingWith("contentType");
        assertThatThrownBy(() -> b.expirationMillis(Long.MAX_VALUE)).hasMessageStartingWith("expiration must be within "
                + "0..315360000000 ms");
        assertThatThrownBy(() -> b.expirationMillis(-1)).hasMessageStartingWith("expiration");
        assertThatThrownBy(() -> b.priority(256)).hasMessageStartingWith("priority");
        b.messageId("x".repeat(255)).expirationMillis(315_360_000_000L).priority(255);
    }
}

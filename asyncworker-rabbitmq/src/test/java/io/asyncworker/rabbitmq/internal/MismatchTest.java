package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The broker's reply texts below are verbatim from RabbitMQ 3.10.8. */
class MismatchTest {
    private static final String PREFIX = "PRECONDITION_FAILED - inequivalent arg ";

    @Test
    void parsesEachFormOfValue() {
        Mismatch missing = Mismatch.parse(PREFIX + "'x-message-ttl' for queue 'q' in vhost '/': received none but "
                + "current is the value '5000' of type 'long'").orElseThrow();
        assertThat(missing.key()).isEqualTo("x-message-ttl");
        assertThat(missing.currentValue(null)).isEqualTo(5000L);
        assertThat(Mismatch.readable(missing.declared())).isEqualTo("not set");
        assertThat(Mismatch.readable(missing.current())).isEqualTo("5000");

        Mismatch extra = Mismatch.parse(PREFIX + "'x-max-priority' for queue 'q' in vhost '/': received the value '5' "
                + "of type 'signedint' but current is none").orElseThrow();
        assertThat(extra.currentIsNone()).isTrue();

        Mismatch same = Mismatch.parse(PREFIX + "'x-max-length' for queue 'q' in vhost '/': received '11' but current is '10'")
                .orElseThrow();
        assertThat(same.currentValue(11)).isEqualTo(10L);
        assertThat(Mismatch.readable(same.declared())).isEqualTo("11");
    }

    @Test
    void flagsAndStringsKeepTheirTypes() {
        Mismatch durable = Mismatch.parse(PREFIX + "'durable' for queue 'q' in vhost '/': received 'false' but current is 'true'")
                .orElseThrow();
        assertThat(durable.currentValue(false)).isEqualTo(true);
        Mismatch type = Mismatch.parse(PREFIX + "'type' for exchange 'x' in vhost '/': received 'direct' but current is 'topic'")
                .orElseThrow();
        assertThat(type.currentValue("direct")).isEqualTo("topic");
        Mismatch qtype = Mismatch.parse(PREFIX + "'x-queue-type' for queue 'q' in vhost '/': received none but current is "
                + "the value 'quorum' of type 'longstr'").orElseThrow();
        assertThat(qtype.currentValue(null)).isEqualTo("quorum");
        Mismatch sac = Mismatch.parse(PREFIX + "'x-single-active-consumer' for queue 'q' in vhost '/': received none but "
                + "current is the value 'true' of type 'bool'").orElseThrow();
        assertThat(sac.currentValue(null)).isEqualTo(true);
    }

    @Test
    void aQueueNameWithQuotesAndColonsDoesNotConfuseIt() {
        Mismatch m = Mismatch.parse(PREFIX + "'x-max-length' for queue 'a': received 'b' in vhost '/': received '1' but current is '2'")
                .orElseThrow();
        assertThat(m.currentValue(1)).isEqualTo(2L);
    }

    @Test
    void otherRefusalsAreNoMismatch() {
        assertThat(Mismatch.parse("PRECONDITION_FAILED - invalid arg 'x-max-priority' for queue 'q' in vhost '/' of queue "
                + "type rabbit_quorum_queue")).isEmpty();
        assertThat(Mismatch.parse("NOT_FOUND - no queue 'q' in vhost '/'")).isEmpty();
    }
}

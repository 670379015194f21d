package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerKindTest {

    @Test
    void aBrokerIsNamedByProductAndVersion() {
        assertThat(BrokerKind.describe(Map.of("product", "RabbitMQ", "version", "3.10.8"))).isEqualTo("RabbitMQ 3.10.8");
    }

    @Test
    void anEmbeddedQpidWhoseShadedJarLostItsManifestIsNamedByItsInstanceWithoutAnUnfilledVersion() {
        assertThat(BrokerKind.describe(Map.of("product", "unknown", "version", "${project.version}",
                "qpid.instance_name", "asyncworker-embedded-dev-broker"))).isEqualTo("asyncworker-embedded-dev-broker");
    }

    @Test
    void aBrokerThatSaysNothingIsStillNamed() {
        assertThat(BrokerKind.describe(Map.of())).isEqualTo("an unnamed AMQP broker");
    }
}

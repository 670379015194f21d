package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncworker.App;
import io.asyncworker.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The heartbeat setting reaches the broker (the Python framework ignored it). */
class HeartbeatIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();

    @Test
    void brokerNegotiatesTheConfiguredHeartbeatAndPrefetch() throws Exception {
        TestBroker.declareClassic(queue);
        String name = "hb-" + UUID.randomUUID();
        App app = apps.app(Map.of(AmqpSettings.HEARTBEAT.name(), "7", AmqpSettings.PREFETCH.name(), "33"));
        app.connection(AmqpConnection.from(app.settings()).toBuilder().url(TestBroker.url()).name(name).build());
        app.route(AmqpRoute.consume(queue).handler(batch -> { }));
        app.start();

        String json = TestBroker.rabbitmqctl("-q", "--formatter", "json", "list_connections", "client_properties", "timeout");
        List<Integer> timeouts = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(json)) {
            if (c.get("client_properties").toString().contains(name + "-consumer")) {
                timeouts.add(c.get("timeout").asInt());
            }
        }
        assertThat(timeouts).as(json).containsExactly(7);
        String channels = TestBroker.rabbitmqctl("-q", "list_channels", "prefetch_count", "consumer_count");
        assertThat(channels).containsPattern("(?m)^33\\s+1\\s*$");
    }
}

package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformWorkerIT {

    @Test
    void everyOrderBecomesAConfirmedInvoiceOnTheOutQueue() throws Exception {
        try (Example example = new Example().withBroker()) {
            String in = example.queue("orders");
            String out = example.queue("invoices");
            example.set("EXAMPLE_QUEUE", in).set("EXAMPLE_OUT_QUEUE", out);
            example.start(TransformWorker::app);

            Broker.publish(in, "{\"id\":\"o-1\",\"quantity\":3,\"unitCents\":250}");
            Broker.publish(in, "{\"id\":\"o-2\",\"quantity\":1,\"unitCents\":999}");
            await().atMost(Duration.ofSeconds(10)).until(() -> Broker.ready(out) == 2);
            assertThat(Broker.ready(in)).isZero();

            List<String> invoices = new ArrayList<>();
            try (Channel ch = Broker.channel()) {
                for (GetResponse r; (r = ch.basicGet(out, true)) != null; ) {
                    invoices.add(new String(r.getBody(), StandardCharsets.UTF_8));
                }
            }
            assertThat(invoices).containsExactlyInAnyOrder(
                    "{\"orderId\":\"o-1\",\"totalCents\":750}", "{\"orderId\":\"o-2\",\"totalCents\":999}");
        }
    }
}

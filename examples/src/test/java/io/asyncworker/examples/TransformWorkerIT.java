package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.asyncworker.App;
import io.micrometer.core.instrument.Counter;
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
            App app = example.start(TransformWorker::app);

            Broker.publish(in, "{\"id\":\"o-1\",\"quantity\":3,\"unitCents\":250}");
            Broker.publish(in, "{\"id\":\"o-2\",\"quantity\":1,\"unitCents\":999}");
            await().atMost(Duration.ofSeconds(10)).until(() -> Broker.ready(out) == 2);
            app.stop();
            assertThat(Broker.ready(in)).as("acked, not only delivered").isZero();

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

    @Test
    void anOrderWhoseInvoiceCannotBeRoutedIsRequeuedAndTransformedOnceTheOutQueueIsBack() throws Exception {
        try (Example example = new Example().withBroker()) {
            String in = example.queue("orders");
            String out = example.queue("invoices");
            example.set("EXAMPLE_QUEUE", in).set("EXAMPLE_OUT_QUEUE", out);
            App app = example.start(TransformWorker::app);
            Broker.delete(out);                                       // the mandatory publish is now unroutable

            Broker.publish(in, "{\"id\":\"o-3\",\"quantity\":2,\"unitCents\":100}");
            await().atMost(Duration.ofSeconds(10)).until(() -> requeued(app, in) >= 1);
            Broker.declare(out);
            await().atMost(Duration.ofSeconds(10)).until(() -> Broker.ready(out) == 1);
            app.stop();
            assertThat(Broker.ready(in)).isZero();
            assertThat(Broker.bodies(out)).containsExactly("{\"orderId\":\"o-3\",\"totalCents\":200}");
        }
    }

    private static double requeued(App app, String queue) {
        Counter c = app.meters().find("asyncworker.messages.settled").tag("queue", queue).tag("action", "requeue").counter();
        return c == null ? 0 : c.count();
    }
}

package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.devbroker.RabbitMqDevService;
import io.asyncworker.rabbitmq.AmqpSettings;
import io.asyncworker.spi.DevService;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The broker examples on the dev mode's embedded broker (started by the dev service, as
 * {@code ./run-demo} does when no RabbitMQ answers): each works, or says at start in one line what
 * needs a real RabbitMQ. The demo itself runs end to end in {@link RunDemoScriptIT}.
 */
class EmbeddedBrokerExamplesIT {
    private static DevService.Running broker;
    private static Connection admin;

    @BeforeAll
    static void startTheEmbeddedBroker() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        broker = new RabbitMqDevService().ensure(Settings.from(Map.of(AmqpSettings.PORT.name(), String.valueOf(closed))))
                .orElseThrow();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url());
        admin = factory.newConnection("embedded-examples-admin");
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        broker.close();
    }

    private static String url() {
        return broker.settings().get(AmqpSettings.URL.name());
    }

    private static Example example() {
        return new Example().set(AmqpSettings.URL.name(), url());
    }

    private static void publish(String queue, String body) throws Exception {
        try (Channel ch = admin.createChannel()) {
            ch.basicPublish("", queue, null, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long ready(String queue) throws Exception {
        try (Channel ch = admin.createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        }
    }

    /** One message taken without acking it (it goes back at the channel's close), or null if none is there. */
    private static GetResponse fetchOne(String queue) throws Exception {
        try (Channel ch = admin.createChannel()) {
            return ch.basicGet(queue, false);
        }
    }

    /** Collects one class's log lines. */
    private static ListAppender<ILoggingEvent> capture(Class<?> type) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(type)).addAppender(appender);
        return appender;
    }

    @Test
    void itemsWorkerRefusesToStartInOneLineBecauseItDeadLetters() {
        try (Example example = example()) {
            example.set("EXAMPLE_QUEUE", "items-embedded");
            assertThatThrownBy(() -> example.start(ItemsWorker::app))
                    .hasStackTraceContaining("ItemsWorker needs a real RabbitMQ for dead-lettering (x-dead-letter-exchange); "
                            + "Apache Qpid Broker-J Core")
                    .hasStackTraceContaining("is not RabbitMQ. Start RabbitMQ on 127.0.0.1:5672 or set ASYNCWORKER_AMQP_URL");
        }
    }

    /** Starts the example and checks that the one line it logs at start says what differs here. */
    private static App startSaying(Example example, Class<?> type, Supplier<App> factory, String what) {
        ListAppender<ILoggingEvent> log = capture(type);
        App app = example.start(factory);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .startsWith(type.getSimpleName() + " on Apache Qpid Broker-J Core").contains("(not RabbitMQ)").contains(what);
        return app;
    }

    @Test
    void transformWorkerSaysWhatNeedsRabbitMqAndTurnsOrdersIntoConfirmedInvoices() throws Exception {
        try (Example example = example()) {
            example.set("EXAMPLE_QUEUE", "orders-embedded").set("EXAMPLE_OUT_QUEUE", "invoices-embedded");
            startSaying(example, TransformWorker.class, TransformWorker::app, "requeued only in part");
            publish("orders-embedded", "{\"id\":\"o-1\",\"quantity\":3,\"unitCents\":250}");
            publish("orders-embedded", "{\"id\":\"o-2\",\"quantity\":1,\"unitCents\":999}");
            await().atMost(Duration.ofSeconds(10)).until(() -> ready("invoices-embedded") == 2);
            example.app().stop();
            assertThat(ready("orders-embedded")).as("acked after the confirms").isZero();
        }
    }

    @Test
    void httpWorkerSaysWhatNeedsRabbitMqAndCountsPageViews() throws Exception {
        try (Example example = example()) {
            example.set("EXAMPLE_QUEUE", "page-views-embedded");
            App app = startSaying(example, HttpWorker.class, HttpWorker::app, "only the last is dropped at once");
            publish("page-views-embedded", "{\"page\":\"home\",\"user\":\"u1\"}");
            publish("page-views-embedded", "not a page view");
            publish("page-views-embedded", "{\"page\":\"home\",\"user\":\"u2\"}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Http.get(app, "/views/home").body()).contains("\"views\":2"));
            await().atMost(Duration.ofSeconds(5)).until(() -> ready("page-views-embedded") == 0);
            assertThat(Http.get(app, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theDemoSaysNothingAboutRabbitMqBecauseAllItUsesWorks() throws Exception {
        ListAppender<ILoggingEvent> log = capture(DemoWorker.class);
        try (Example example = example()) {
            example.set("EXAMPLE_QUEUE", "demo-embedded");
            App app = example.start(DemoWorker::app);
            await().atMost(Duration.ofSeconds(8)).until(() -> app.get(DemoWorker.STATS).messages().sum() == 25);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("RabbitMQ"));
            app.stop();                                  // the next round is due 10 s after start: none published yet
            assertThat(app.get(DemoWorker.STATS).messages().sum()).as("handled before the stop").isEqualTo(25);
            assertThat(ready("demo-embedded")).as("nothing ready, and nothing unacked came back at the close").isZero();
            assertThat(fetchOne("demo-embedded")).as("a fresh consumer gets nothing: all 25 were acked").isNull();
        }
    }
}

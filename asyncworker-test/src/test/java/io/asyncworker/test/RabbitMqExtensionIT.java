package io.asyncworker.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.asyncworker.Action;
import io.asyncworker.App;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The extension against the real broker: sample test classes run through JUnit's engine test kit,
 * and what they saw is checked afterwards, when their vhost must be gone.
 */
class RabbitMqExtensionIT {
    private static final Setting<String> AMQP_URL = Setting.of("ASYNCWORKER_AMQP_URL", null, s -> s);
    /** What the sample tests saw, by key. */
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** Runs the main sample once: each run costs a vhost. */
    @BeforeAll
    static void runTwoTests() {
        run(TwoTests.class, 3);
    }

    @Test
    void aTestClassGetsAFreshVhostOfItsOwnThatIsDeletedAfterIt() {
        run(AnotherClass.class, 1);

        String vhost = (String) SEEN.get("first.vhost");
        assertThat(vhost).startsWith("aw-test-twotests-");
        assertThat(SEEN).containsEntry("second.vhost", vhost).containsEntry("nested.vhost", vhost)
                .containsEntry("first.isolated", true).containsEntry("first.existed", true)
                .containsEntry("first.url", TestBrokers.amqpUrl(vhost));
        assertThat(SEEN.get("another.vhost")).as("another class, another vhost").isNotEqualTo(vhost);
        assertThat(TestBrokers.vhostExists(vhost)).as("deleted after the class").isFalse();
        assertThat(opens(TestBrokers.amqpUrl())).as("control: the broker takes connections").isTrue();
        assertThat(opens(TestBrokers.amqpUrl(vhost))).as("the broker refuses a connection into it").isFalse();
        assertThat(opens(TestBrokers.amqpUrl((String) SEEN.get("another.vhost")))).isFalse();
        assertThat(SEEN).containsEntry("first.received", List.of("hello"));
    }

    @Test
    void fieldsAndParametersGetTheSameVhostUrlAndPerTestApp() {
        assertThat(SEEN).containsEntry("first.sameVhost", true).containsEntry("first.sameUrl", true)
                .containsEntry("first.sameApp", true).containsEntry("first.staticVhost", true)
                .containsEntry("first.appUrl", SEEN.get("first.url"));
        assertThat(SEEN.get("second.app")).as("each test its own app").isNotSameAs(SEEN.get("first.app"));
        App first = (App) SEEN.get("first.app");
        assertThat(first.isRunning()).as("closed after its test").isFalse();
        assertThat(((InMemoryBroker) SEEN.get("first.broker")).consumers("q")).isZero();
    }

    @Test
    void aSharedVhostGivesUniqueQueueNamesAndDeletesThemAfterTheClass() throws Exception {
        run(SharedVhost.class, 1);

        String queue = (String) SEEN.get("shared.queue");
        assertThat(queue).startsWith("orders-").hasSize("orders-".length() + 8);
        assertThat(SEEN).containsEntry("shared.vhost", "/").containsEntry("shared.isolated", false)
                .containsEntry("shared.count", 1L).containsEntry("shared.url", TestBrokers.amqpUrl());
        assertThat(queueExists(queue)).as("deleted after the class").isFalse();
    }

    @Test
    void aWorkersOwnFactorySeesTheVhostsSettings() {
        run(WorkerFactory.class, 1);

        assertThat(SEEN.get("factory.url")).isEqualTo(SEEN.get("factory.vhostUrl"));
        assertThat(SEEN).containsEntry("factory.shutdown", "PT5S");
    }

    private static void run(Class<?> sample, int tests) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
        assertThat(results.allEvents().failed().stream().map(Object::toString)).as("failures of " + sample.getSimpleName())
                .isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
    }

    private static boolean opens(String url) {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(url);
            f.newConnection().close();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean queueExists(String queue) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestBrokers.amqpUrl());
        try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
            ch.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @RabbitMqTest
    static class TwoTests {
        static TestVhost staticVhost;
        TestVhost vhostField;
        @AmqpUrl
        String urlField;
        App appField;

        @Test
        void first(App app, TestVhost vhost, @AmqpUrl String url) {
            SEEN.put("first.vhost", vhost.name());
            SEEN.put("first.isolated", vhost.isolated());
            SEEN.put("first.existed", TestBrokers.vhostExists(vhost.name()));
            SEEN.put("first.url", url);
            SEEN.put("first.sameVhost", vhostField == vhost);
            SEEN.put("first.staticVhost", staticVhost == vhost);
            SEEN.put("first.sameUrl", url.equals(urlField));
            SEEN.put("first.sameApp", appField == app);
            SEEN.put("first.app", app);
            SEEN.put("first.appUrl", app.settings().get(AMQP_URL));
            String queue = vhost.queue("greetings");
            vhost.declareQueue(queue);
            vhost.publish(queue, "hello");
            SEEN.put("first.received", vhost.take(queue));
            startInMemory(app);
        }

        /** The injected app is a whole app: here it runs an in-memory route, to see it closed after the test. */
        private static void startInMemory(App app) {
            InMemoryBroker broker = InMemoryBroker.create();
            app.connection(broker);
            app.route(InMemoryRoute.consume("q").handler(batch -> { }));
            app.start();
            assertThat(broker.send("q", "x").awaitSettled()).isEqualTo(Action.ACK);
            SEEN.put("first.broker", broker);
        }

        @Test
        void second(TestVhost vhost, App app) {
            SEEN.put("second.vhost", vhost.name());
            SEEN.put("second.app", app);
            assertThatThrownBy(() -> vhost.publish("no-such-queue", "x")).hasMessageContaining("'no-such-queue'");
        }

        @Nested
        class Inner {
            @Test
            void sharesTheOuterClassesVhost(TestVhost vhost) {
                SEEN.put("nested.vhost", vhost.name());
            }
        }
    }

    @RabbitMqTest
    static class AnotherClass {
        @Test
        void test(TestVhost vhost) {
            SEEN.put("another.vhost", vhost.name());
        }
    }

    static class SharedVhost {
        @RegisterExtension
        static final RabbitMqExtension RABBIT = RabbitMqExtension.sharedVhost();

        @Test
        void test(TestVhost vhost, @AmqpUrl String url) {
            String queue = vhost.queue("orders");
            vhost.declareQueue(queue);
            vhost.publish(queue, "x");
            SEEN.put("shared.queue", queue);
            SEEN.put("shared.vhost", vhost.name());
            SEEN.put("shared.isolated", vhost.isolated());
            SEEN.put("shared.count", vhost.messageCount(queue));
            SEEN.put("shared.url", url);
        }
    }

    @RabbitMqTest
    static class WorkerFactory {
        /** A worker's factory as users write it: everything from the environment. */
        static App app() {
            return App.create();
        }

        @Test
        void test(TestVhost vhost) throws Exception {
            try (App app = vhost.app(WorkerFactory::app)) {
                SEEN.put("factory.url", app.settings().get(AMQP_URL));
                SEEN.put("factory.shutdown", app.settings().get(Settings.SHUTDOWN_TIMEOUT).toString());
                SEEN.put("factory.vhostUrl", vhost.url());
            }
        }
    }
}

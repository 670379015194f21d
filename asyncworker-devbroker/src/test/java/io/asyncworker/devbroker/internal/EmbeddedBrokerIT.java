package io.asyncworker.devbroker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Return;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the embedded broker does, feature by feature, as docs/decisions.md records it: what the
 * framework and the examples use works, and what differs from RabbitMQ fails loudly or is written
 * down ({@link EmbeddedBroker#LIMITS}). A change of Qpid that changes any of it fails here.
 */
class EmbeddedBrokerIT {
    private static EmbeddedBroker broker;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start();
        connection = factory(broker.url()).newConnection("embedded-broker-it");
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        broker.close();
    }

    private static ConnectionFactory factory(String url) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url);
        return factory;
    }

    private static String queue(Channel ch) throws IOException {
        return ch.queueDeclare("", false, true, true, null).getQueue();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void listensOnLoopbackOnlyForGuestAndSaysItIsNotRabbitMq() throws Exception {
        URI url = URI.create(broker.url());
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(connection.getServerProperties().get("product").toString()).contains("Qpid").doesNotContain("RabbitMQ");
        assertThat(broker.description()).contains("embedded AMQP 0-9-1 broker").contains("not RabbitMQ");
        ConnectionFactory wrong = factory(broker.url());
        wrong.setPassword("not-guest");
        assertThatThrownBy(wrong::newConnection).isInstanceOf(IOException.class);
        String other = java.net.InetAddress.getLocalHost().getHostAddress();
        if (!other.startsWith("127.")) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(other, url.getPort()), 1000))
                        .as("not reachable on %s", other).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void publisherConfirmsAckARoutedMessage() throws Exception {
        try (Channel ch = connection.createChannel()) {
            String q = queue(ch);
            ch.confirmSelect();
            ch.basicPublish("", q, true, null, bytes("confirmed"));
            assertThat(ch.waitForConfirms(5000)).isTrue();
            assertThat(ch.queueDeclarePassive(q).getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void anUnroutableMandatoryMessageIsReturnedAndAlsoNackedUnlikeRabbitMq() throws Exception {
        try (Channel ch = connection.createChannel()) {
            CompletableFuture<Return> returned = new CompletableFuture<>();
            ch.addReturnListener(returned::complete);
            ch.confirmSelect();
            ch.basicPublish("", "no-such-queue-" + System.nanoTime(), true, null, bytes("lost"));
            assertThat(ch.waitForConfirms(5000)).as("RabbitMQ would ack it after the return").isFalse();
            assertThat(returned.get(5, TimeUnit.SECONDS).getReplyCode()).isEqualTo(312);
        }
    }

    @Test
    void basicQosLimitsUnackedDeliveriesAndAckMultipleSettlesThemAll() throws Exception {
        try (Channel ch = connection.createChannel()) {
            String q = queue(ch);
            for (int i = 0; i < 3; i++) {
                ch.basicPublish("", q, null, bytes("m" + i));
            }
            ch.basicQos(2);
            BlockingQueue<Delivery> got = consume(ch, q);
            Delivery first = got.poll(5, TimeUnit.SECONDS);
            Delivery second = got.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("held back by basic.qos(2)").isNull();
            ch.basicAck(second.getEnvelope().getDeliveryTag(), true);
            Delivery third = got.poll(5, TimeUnit.SECONDS);
            assertThat(third).isNotNull();
            ch.basicAck(third.getEnvelope().getDeliveryTag(), false);
            assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aRequeuedMessageComesBackRedeliveredWithoutXDeliveryCount() throws Exception {
        try (Channel ch = connection.createChannel()) {
            String q = queue(ch);
            ch.basicPublish("", q, new AMQP.BasicProperties.Builder().headers(Map.of("h", "v")).build(), bytes("again"));
            BlockingQueue<Delivery> got = consume(ch, q);
            Delivery first = got.poll(5, TimeUnit.SECONDS);
            ch.basicReject(first.getEnvelope().getDeliveryTag(), true);
            Delivery again = got.poll(5, TimeUnit.SECONDS);
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            assertThat(again.getProperties().getHeaders()).containsKey("h").doesNotContainKey("x-delivery-count");
            assertThat(again.getProperties().getHeaders().get("h")).hasToString("v");
            ch.basicNack(again.getEnvelope().getDeliveryTag(), false, true);
            Delivery third = got.poll(5, TimeUnit.SECONDS);
            assertThat(third.getEnvelope().isRedeliver()).isTrue();
            ch.basicAck(third.getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void aMessageRejectedWithoutRequeueIsDroppedAsOnRabbitMqWithoutADeadLetterExchange() throws Exception {
        String q = durableQueue("reject");
        try (Channel ch = connection.createChannel()) {
            publish(ch, q, 2);
            BlockingQueue<Delivery> got = consume(ch, q);
            ch.basicReject(got.poll(5, TimeUnit.SECONDS).getEnvelope().getDeliveryTag(), false);
            ch.basicNack(got.poll(5, TimeUnit.SECONDS).getEnvelope().getDeliveryTag(), false, false);
            assertThat(got.poll(1, TimeUnit.SECONDS)).as("nothing redelivered").isNull();
        }
        assertThat(readyAfterDeleting(q)).as("nothing requeued once the channel closed").isZero();
    }

    @Test
    void aNackOfSeveralMessagesWithRequeueRequeuesOnlyTheLastUntilTheChannelCloses() throws Exception {
        assertThat(nackAllThree(true)).as("RabbitMQ would redeliver n0, n1 and n2").containsExactly("n2");
    }

    @Test
    void aNackOfSeveralMessagesWithoutRequeueDropsOnlyTheLastAndTheRestComeBackWhenTheChannelCloses() throws Exception {
        assertThat(nackAllThree(false)).isEmpty();
    }

    /** Publishes n0..n2, nacks them with one multiple nack; returns what came back on the channel. */
    private static List<String> nackAllThree(boolean requeue) throws Exception {
        String q = durableQueue("nack");
        List<String> redelivered = new ArrayList<>();
        try (Channel ch = connection.createChannel()) {
            publish(ch, q, 3);
            BlockingQueue<Delivery> got = consume(ch, q);
            Delivery last = null;
            for (int i = 0; i < 3; i++) {
                last = got.poll(5, TimeUnit.SECONDS);
            }
            ch.basicNack(last.getEnvelope().getDeliveryTag(), true, requeue);
            for (Delivery d; (d = got.poll(1, TimeUnit.SECONDS)) != null; ) {
                redelivered.add(new String(d.getBody(), StandardCharsets.UTF_8));
            }
        }
        assertThat(readyAfterDeleting(q)).as("n0 and n1 back once the channel closed, and n2 if requeued")
                .isEqualTo(requeue ? 3 : 2);
        return redelivered;
    }

    private static String durableQueue(String what) throws Exception {
        try (Channel admin = connection.createChannel()) {
            return admin.queueDeclare("aw-embedded-" + what + "-" + System.nanoTime(), true, false, false, null).getQueue();
        }
    }

    private static void publish(Channel ch, String q, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            ch.basicPublish("", q, null, bytes("n" + i));
        }
    }

    private static long readyAfterDeleting(String q) throws Exception {
        try (Channel ch = connection.createChannel()) {
            long ready = ch.queueDeclarePassive(q).getMessageCount();
            ch.queueDelete(q);
            return ready;
        }
    }

    @Test
    void deadLetteringArgumentsAreRefusedNotIgnored() throws Exception {
        assertRefused(Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", "rejected"), "x-dead-letter-exchange");
    }

    @Test
    void quorumQueueArgumentsAreRefusedNotIgnored() throws Exception {
        assertRefused(Map.of("x-queue-type", "quorum"), "x-queue-type");
    }

    /** Qpid closes the whole connection (542) on an argument it does not know; a fresh one each time. */
    private static void assertRefused(Map<String, Object> arguments, String named) throws Exception {
        try (Connection own = factory(broker.url()).newConnection(); Channel ch = own.createChannel()) {
            assertThatThrownBy(() -> ch.queueDeclare("aw-embedded-args-" + System.nanoTime(), true, false, true, arguments))
                    .isInstanceOf(IOException.class).cause()
                    .hasMessageContaining("Unsupported queue declare argument").hasMessageContaining(named);
        } catch (com.rabbitmq.client.AlreadyClosedException closedByTheBroker) {
            // closing what the broker closed
        }
    }

    private static BlockingQueue<Delivery> consume(Channel ch, String q) throws IOException {
        BlockingQueue<Delivery> got = new LinkedBlockingQueue<>();
        ch.basicConsume(q, false, (tag, d) -> got.add(d), tag -> { });
        return got;
    }
}

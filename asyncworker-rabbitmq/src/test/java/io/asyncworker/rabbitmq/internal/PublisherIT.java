package io.asyncworker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.asyncworker.rabbitmq.PublishException;
import io.asyncworker.rabbitmq.PublishException.Failure;
import io.asyncworker.test.TestBrokers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The publisher with a single shared channel, so that every publish shares the channel another
 * one breaks: the paths where publishes are sent again after a channel error they did not cause.
 */
class PublisherIT {
    private static final AMQP.BasicProperties PERSISTENT = new AMQP.BasicProperties.Builder().deliveryMode(2).build();
    private final String queue = "aw-test-" + UUID.randomUUID();
    private Connection admin;
    private Channel adminChannel;
    private Publisher publisher;
    private final Logger logger = (Logger) LoggerFactory.getLogger(Publisher.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void open() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(TestBrokers.amqpUrl());
        admin = f.newConnection("aw-test-admin");
        adminChannel = admin.createChannel();
        adminChannel.queueDeclare(queue, true, false, false, null);
        publisher = new Publisher(() -> factory(), "aw-test-publisher", true, Duration.ofSeconds(30), 1, null);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() throws Exception {
        logger.detachAppender(log);
        publisher.close();
        adminChannel.queueDelete(queue);
        admin.close();
    }

    private static ConnectionFactory factory() {
        try {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri(TestBrokers.amqpUrl());
            return f;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anExchangeDeletedWhileInUseFailsItsPublishAndTheOthersOfTheChannelAreSentAgain() throws Exception {
        String exchange = "aw-deleted-" + UUID.randomUUID();
        adminChannel.exchangeDeclare(exchange, "fanout", false, true, null);
        publisher.publish(exchange, "", bytes("verified"), PERSISTENT, false);
        publisher.publish("", queue, bytes("verified too"), PERSISTENT, true);
        adminChannel.exchangeDelete(exchange);

        // the publishes right behind the lost one go out on its channel before the broker's close comes
        // back: the broker drops them, so they can only arrive by being sent again
        List<CompletableFuture<Void>> routable = publishAsync(0, 300);
        CompletableFuture<Void> lost = publisher.publishAsync(exchange, "", bytes("lost"), PERSISTENT, false);
        routable.addAll(publishAsync(300, 300));

        routable.forEach(CompletableFuture::join);
        assertThatThrownBy(lost::join).hasCauseInstanceOf(PublishException.class).cause()
                .satisfies(e -> assertThat(((PublishException) e).failure()).isEqualTo(Failure.EXCHANGE_NOT_FOUND));
        assertThat(arrivedIds()).as("every routable message arrived, at least once").hasSize(601);
        assertThat(resentLines()).as("the shared channel was closed and its other publishes sent again").isNotEmpty();
    }

    @Test
    void aMessageTheBrokerRefusesForItsContentFailsAloneAndTheOthersOfItsChannelArrive() throws Exception {
        publisher.publish("", queue, bytes("verified"), PERSISTENT, true);
        AMQP.BasicProperties poison = new AMQP.BasicProperties.Builder().headers(Map.of("CC", "not a list")).build();

        List<CompletableFuture<Void>> routable = publishAsync(0, 300);
        CompletableFuture<Void> refused = publisher.publishAsync("", queue, bytes("poison"), poison, true);
        routable.addAll(publishAsync(300, 300));

        routable.forEach(CompletableFuture::join);
        assertThatThrownBy(refused::join).hasCauseInstanceOf(PublishException.class).cause()
                .satisfies(e -> assertThat(((PublishException) e).failure()).isEqualTo(Failure.REFUSED))
                .hasMessageContaining("406").hasMessageContaining("CC");
        assertThat(arrivedIds()).as("every routable message arrived, at least once").hasSize(601);
        assertThat(resentLines()).as("the shared channel was closed and its other publishes sent again").isNotEmpty();
    }

    private List<String> resentLines() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("sent again") && !m.contains(" 0 sent again")).toList();
    }

    private List<CompletableFuture<Void>> publishAsync(int from, int count) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            futures.add(publisher.publishAsync("", queue, bytes("m" + i), PERSISTENT, true));
        }
        return futures;
    }

    private Set<String> arrivedIds() throws Exception {
        Set<String> ids = new HashSet<>();
        GetResponse r;
        while ((r = adminChannel.basicGet(queue, true)) != null) {
            ids.add(new String(r.getBody(), StandardCharsets.UTF_8));
        }
        return ids;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

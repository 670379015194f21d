package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Channels the broker closes for reasons no publish caused: every unconfirmed publish is sent again or reported truthfully. */
class PublishChannelLossIT {
    @RegisterExtension
    final TestApps apps = new TestApps();
    private final TestApps.Vhost vhost = apps.vhost();
    private final String queue = apps.queue();
    private final AmqpConnection connection = vhost.connection().build();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.asyncworker.rabbitmq.internal.Publisher");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void open() {
        vhost.declareClassic(queue);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        logger.detachAppender(log);
        connection.close();
    }

    @Test
    void publishesOfAChannelTheBrokerClosesForAnotherReasonAreSentAgainAndAllArrive() throws Exception {
        List<CompletableFuture<Void>> futures = publishAround(this::failPublishingChannels);

        futures.forEach(CompletableFuture::join);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("was closed (406").contains("sent again"));
        assertThat(arrived()).as("every publish arrived, at least once").hasSize(futures.size() + 1);
    }

    @Test
    void publishesOfAConnectionTheBrokerClosesAreReportedTruthfullyAndNoneIsLostSilently() throws Exception {
        List<CompletableFuture<Void>> futures = publishAround(
                () -> vhost.closeAllConnections("fault injected by PublishChannelLossIT"));

        Set<String> confirmed = new HashSet<>(Set.of("m-first"));
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).join();
                confirmed.add("m" + i);
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(PublishException.class, pe -> assertThat(pe.failure())
                        .isIn(PublishException.Failure.UNCONFIRMED, PublishException.Failure.NOT_SENT));
            }
        }
        assertThat(arrived()).as("every confirmed publish arrived").containsAll(confirmed);
    }

    /** Publishes {@code m-first}, then {@code m0, m1, ...} while the fault is injected; returns their futures. */
    private List<CompletableFuture<Void>> publishAround(Runnable fault) throws Exception {
        connection.publish("", queue, "m-first");
        AtomicBoolean faultDone = new AtomicBoolean();
        CompletableFuture<List<CompletableFuture<Void>>> publishing = CompletableFuture.supplyAsync(
                () -> publishUntil(faultDone));
        fault.run();
        faultDone.set(true);
        return publishing.get();
    }

    /** Publishes in windows of 100 until the fault was injected, then one more window; returns every future. */
    private List<CompletableFuture<Void>> publishUntil(AtomicBoolean faultDone) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        boolean last = false;
        while (!last) {
            last = faultDone.get();
            List<CompletableFuture<Void>> window = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                window.add(connection.publishAsync("", queue, "m" + all.size(), PublishOptions.defaults()));
                all.add(window.getLast());
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null).orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        }
        return all;
    }

    /**
     * Makes the broker close every publishing channel of this vhost with a channel error (406,
     * unknown delivery tag), as a buggy client's bogus ack would: no publish caused it.
     */
    private void failPublishingChannels() {
        String erl = "[rabbit_channel:do(P, {'basic.ack', 999999999, false}) || P <- rabbit_channel:list(), "
                + "case catch rabbit_channel:info(P, [vhost, consumer_count]) of "
                + "[{vhost, <<\"" + vhost.name() + "\">>}, {consumer_count, 0}] -> true; _ -> false end].";
        TestBroker.rabbitmqctl("eval", erl);
    }

    private Set<String> arrived() {
        return vhost.admin().withChannel(ch -> {
            Set<String> bodies = new HashSet<>();
            GetResponse r;
            while ((r = ch.basicGet(queue, true)) != null) {
                bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
            }
            return bodies;
        });
    }
}

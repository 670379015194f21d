package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
    void publishesOfAChannelTheBrokerClosesForAnotherReasonAreSentAgainAndAllArrive() {
        connection.publish("", queue, "m-first");  // alone, on the probe channel
        connection.publish("", queue, "m-second"); // the default exchange's shared channel is open too
        String key = "{aw_test_suspended, <<\"" + vhost.name() + "\">>}";
        TestBroker.rabbitmqctl("eval", "Ps = [P || P <- rabbit_channel:list(), case catch rabbit_channel:info(P, "
                + "[vhost, consumer_count]) of [{vhost, <<\"" + vhost.name() + "\">>}, {consumer_count, 0}] -> true; "
                + "_ -> false end], [sys:suspend(P) || P <- Ps], persistent_term:put(" + key + ", Ps).");
        // the broker's channel holds these unread: none can be confirmed before the fault
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            futures.add(connection.publishAsync("", queue, "m" + i, PublishOptions.defaults()));
        }
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        // a bogus ack, as a buggy client would send, queued behind them: 406 unknown delivery tag
        TestBroker.rabbitmqctl("eval", "[begin rabbit_channel:do(P, {'basic.ack', 999999999, false}), sys:resume(P) end "
                + "|| P <- persistent_term:get(" + key + ")], persistent_term:erase(" + key + ").");

        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                .contains("was closed (406 PRECONDITION_FAILED - unknown delivery tag").contains("0 failed"));
        assertThat(arrived()).as("every publish arrived, at least once").hasSize(futures.size() + 2);
    }

    @Test
    void publishesOfAConnectionTheBrokerClosesAreReportedTruthfullyAndNoneIsLostSilently() throws Exception {
        connection.publish("", queue, "m-first");
        AtomicBoolean closed = new AtomicBoolean();
        CompletableFuture<List<CompletableFuture<Void>>> publishing = CompletableFuture.supplyAsync(
                () -> publishWhile(closed));
        vhost.closeAllConnections("fault injected by PublishChannelLossIT");
        closed.set(true);
        List<CompletableFuture<Void>> futures = publishing.get();

        Set<String> confirmed = new HashSet<>(Set.of("m-first"));
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(60, TimeUnit.SECONDS);
                confirmed.add("m" + i);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(PublishException.class, pe -> assertThat(pe.failure())
                        .isIn(PublishException.Failure.UNCONFIRMED, PublishException.Failure.NOT_SENT));
            }
        }
        assertThat(arrived()).as("every confirmed publish arrived").containsAll(confirmed);
    }

    /** Publishes in windows of 100, at most 5,000 messages, until {@code stop} is set, then one window more. */
    private List<CompletableFuture<Void>> publishWhile(AtomicBoolean stop) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        boolean last = false;
        while (!last) {
            if (all.size() >= 5_000) {
                await().atMost(Duration.ofSeconds(60)).untilTrue(stop);
            }
            last = stop.get();
            List<CompletableFuture<Void>> window = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                window.add(connection.publishAsync("", queue, "m" + all.size(), PublishOptions.defaults()));
                all.add(window.getLast());
            }
            CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .orTimeout(60, TimeUnit.SECONDS).join();
        }
        return all;
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

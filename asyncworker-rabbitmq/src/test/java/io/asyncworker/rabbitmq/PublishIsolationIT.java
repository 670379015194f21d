package io.asyncworker.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One failing publish never fails or misreports another (SPEC §15). */
class PublishIsolationIT {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 250;
    private static final int FAILING = 20;

    @RegisterExtension
    final TestApps apps = new TestApps();
    private final String queue = apps.queue();
    private final AmqpConnection connection = TestBroker.connection().build();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    private final AtomicInteger routed = new AtomicInteger();
    private final ConcurrentLinkedQueue<Throwable> routableFailures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch go = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        connection.close();
    }

    /** Regression: 62-73 of 1,000 routable publishes failed, 970-979 arrived, when a 21st thread published to a missing exchange. */
    @Test
    void publishesToAMissingExchangeFailEachAloneWhileFourThreadsPublishRoutableMessages() throws Exception {
        TestBroker.declareClassic(queue);
        String missing = "aw-missing-" + UUID.randomUUID();
        List<Future<?>> routable = startRoutable(this::publishSync);
        Future<List<PublishException>> failing = pool.submit(() -> publishAlongside(missing));
        go.countDown();

        awaitAll(routable);
        List<PublishException> failures = failing.get(60, TimeUnit.SECONDS);
        assertThat(routableFailures).as("routable publishes that reported a failure").isEmpty();
        assertThat(failures).hasSize(FAILING).allSatisfy(e -> {
            assertThat(e.failure()).isEqualTo(PublishException.Failure.EXCHANGE_NOT_FOUND);
            assertThat(e).hasMessageContaining("exchange '" + missing + "' does not exist");
        });
        assertThat(TestBroker.messageCount(queue)).isEqualTo(THREADS * PER_THREAD);
        assertThat(new HashSet<>(TestBroker.drain(queue))).hasSize(THREADS * PER_THREAD);
    }

    /** Regression: an exchange deleted while in use closed the shared channel and failed the publishes of other threads. */
    @Test
    void anExchangeDeletedWhileInUseFailsOnlyThePublishesToIt() throws Exception {
        TestBroker.declareClassic(queue);
        String other = apps.queue();
        TestBroker.declareClassic(other);
        String exchange = "aw-deleted-" + UUID.randomUUID();
        TestBroker.withChannel(ch -> {
            ch.exchangeDeclare(exchange, "fanout", false, false, null);
            return ch.queueBind(other, exchange, "");
        });
        connection.publish(exchange, "", "before the delete");
        TestBroker.withChannel(ch -> ch.exchangeDelete(exchange));

        List<Future<?>> routable = startRoutable(this::publishAsyncInWindows);
        Future<List<PublishException>> failing = pool.submit(() -> publishAlongside(exchange));
        go.countDown();

        awaitAll(routable);
        assertThat(routableFailures).as("routable publishes that reported a failure").isEmpty();
        assertThat(failing.get(60, TimeUnit.SECONDS)).hasSize(FAILING).allSatisfy(e -> {
            assertThat(e.failure()).isEqualTo(PublishException.Failure.EXCHANGE_NOT_FOUND);
            assertThat(e).hasMessageContaining(exchange);
        });
        Set<String> arrived = new HashSet<>(TestBroker.drain(queue));
        assertThat(arrived).as("every routable message arrived (at least once)").hasSize(THREADS * PER_THREAD);
        assertThat(TestBroker.messageCount(other)).isEqualTo(1);
    }

    private interface Publishing {
        void run(int thread) throws Exception;
    }

    private List<Future<?>> startRoutable(Publishing publishing) {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                publishing.run(thread);
                return null;
            }));
        }
        return futures;
    }

    private void publishSync(int thread) {
        for (int i = 0; i < PER_THREAD; i++) {
            try {
                connection.publish("", queue, "{\"id\":" + (thread * PER_THREAD + i) + "}");
            } catch (PublishException e) {
                routableFailures.add(e);
            }
            routed.incrementAndGet();
        }
    }

    /** Many unconfirmed publishes on the channel at once: windows of 25 async publishes. */
    private void publishAsyncInWindows(int thread) {
        for (int i = 0; i < PER_THREAD; i += 25) {
            List<CompletableFuture<Void>> window = new ArrayList<>();
            for (int j = i; j < i + 25; j++) {
                window.add(connection.publishAsync("", queue, "{\"id\":" + (thread * PER_THREAD + j) + "}",
                        PublishOptions.defaults()));
            }
            for (CompletableFuture<Void> f : window) {
                try {
                    f.join();
                } catch (RuntimeException e) {
                    routableFailures.add(e);
                }
            }
            routed.addAndGet(25);
        }
    }

    /** Publishes {@value #FAILING} times to the exchange, spread over the routable publishing. */
    private List<PublishException> publishAlongside(String exchange) throws InterruptedException {
        go.await();
        List<PublishException> failures = new ArrayList<>();
        for (int k = 0; k < FAILING; k++) {
            int due = k * THREADS * PER_THREAD / FAILING;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> routed.get() >= due);
            try {
                connection.publish(exchange, "k", "{\"lost\":" + k + "}");
            } catch (PublishException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}

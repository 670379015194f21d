package io.asyncworker.examples.cluster;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpRoute;
import io.asyncworker.rabbitmq.ConnectionFailCallback;
import io.asyncworker.rabbitmq.RabbitMQMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The worker under test: consumes the quorum queue in batches of 100, one at a time (at most about
 * 1,600 messages a second: each batch takes 60 ms, as work would, so that the faults hit it
 * mid-stream) until every id was handled and the queue is empty (a failover redelivers what was
 * handled but not yet acked: those are handled again), writing {@code DIR/status} as it goes; then
 * stops and reports how long processing stalled after each fault in {@code DIR/events}.
 */
final class ClusterConsume {
    private static final Duration BATCH_WORK = Duration.ofMillis(60);
    private final BitSet seen = new BitSet();
    private final List<Long> batchTimes = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final int count;
    private long deliveries;
    private long duplicates;

    private ClusterConsume(int count) {
        this.count = count;
    }

    static int run(String url, String queue, int count, Path dir) throws Exception {
        ClusterConsume c = new ClusterConsume(count);
        AmqpConnection rabbit = AmqpConnection.builder().url(url).name("cluster-check").prefetch(400)
                .reconnectDelay(Duration.ofMillis(200), Duration.ofSeconds(2)).declare(ClusterPublish.topology(queue))
                .connectionFailCallback(ConnectionFailCallback.of(f -> System.out.println("callback: " + f))).build();
        App app = App.create(Settings.from(Map.of("ASYNCWORKER_METRICS_ENABLED", "false",
                "ASYNCWORKER_SHUTDOWN_TIMEOUT", "10s")));
        app.connection(rabbit).route(AmqpRoute.consume(queue).bulkSize(100).maxConcurrency(1).handler(c::handle));
        app.start();
        Thread status = Thread.ofVirtual().start(() -> c.writeStatus(dir));
        boolean all = c.done.await(10, TimeUnit.MINUTES) && c.awaitDrained(rabbit, queue);
        app.stop();
        status.interrupt();
        c.writeStatusOnce(dir);
        return c.report(all, Stalls.of(Files.readAllLines(dir.resolve("events")), c.times()));
    }

    private void handle(List<RabbitMQMessage> batch) throws InterruptedException {
        synchronized (this) {
            for (RabbitMQMessage m : batch) {
                int id = Integer.parseInt(m.properties().getMessageId());
                deliveries++;
                if (seen.get(id)) {
                    duplicates++;
                }
                seen.set(id);
            }
            batchTimes.add(System.currentTimeMillis());
            if (seen.cardinality() == count) {
                done.countDown();
            }
        }
        Thread.sleep(BATCH_WORK);
    }

    /** Waits until the queue has no ready message and no batch was handled for a second. */
    private boolean awaitDrained(AmqpConnection rabbit, String queue) throws Exception {
        try (com.rabbitmq.client.Connection admin = rabbit.connectionFactory().newConnection("cluster-check-admin")) {
            for (int i = 0; i < 240; i++) {
                long ready;
                try (com.rabbitmq.client.Channel ch = admin.createChannel()) {
                    ready = ch.queueDeclarePassive(queue).getMessageCount();
                }
                List<Long> t = times();
                if (ready == 0 && System.currentTimeMillis() - t.getLast() > 1_000) {
                    return true;
                }
                Thread.sleep(500);
            }
        }
        System.out.println("FAILED: the queue did not drain within 2 minutes after every id was handled");
        return false;
    }

    private synchronized List<Long> times() {
        return List.copyOf(batchTimes);
    }

    private void writeStatus(Path dir) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                writeStatusOnce(dir);
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeStatusOnce(Path dir) {
        String line;
        synchronized (this) {
            line = seen.cardinality() + " " + deliveries + " " + duplicates + "\n";
        }
        try {
            Path tmp = Files.writeString(dir.resolve("status.tmp"), line);
            Files.move(tmp, dir.resolve("status"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("cannot write the status: " + e);
        }
    }

    private synchronized int report(boolean all, List<String> stalls) {
        stalls.forEach(s -> System.out.println("failover: " + s));
        System.out.printf("handled %d of %d ids (%d deliveries, %d handled twice after a failover)%n",
                seen.cardinality(), count, deliveries, duplicates);
        if (!all) {
            System.out.println("FAILED: not every id was handled (first missing: " + seen.nextClearBit(0)
                    + ") or the queue did not drain");
            return 1;
        }
        return 0;
    }
}

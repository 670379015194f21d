package io.asyncworker.examples.cluster;

import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.AmqpTopology;
import io.asyncworker.rabbitmq.PublishOptions;
import io.asyncworker.rabbitmq.QueueDeclaration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Declares the quorum queue and publishes the messages, persistent and confirmed, at most 2,000 unconfirmed. */
final class ClusterPublish {
    private ClusterPublish() {
    }

    /** The queue every program of the check declares: replicated on the three nodes. */
    static AmqpTopology topology(String queue) {
        return AmqpTopology.builder().queue(queue, QueueDeclaration.quorum()).build();
    }

    static int run(String url, String queue, int count) throws InterruptedException {
        try (AmqpConnection rabbit = AmqpConnection.builder().url(url).name("cluster-check-publisher").build()) {
            rabbit.declare(topology(queue));
            long start = System.nanoTime();
            Semaphore window = new Semaphore(2_000);
            CompletableFuture<?>[] all = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                window.acquire();
                all[i] = rabbit.publishAsync("", queue, "{\"id\":" + i + "}",
                        PublishOptions.builder().messageId(Integer.toString(i)).build())
                        .whenComplete((v, e) -> window.release());
            }
            CompletableFuture.allOf(all).join();
            System.out.printf("published %d messages to %s in %d ms%n", count, queue, (System.nanoTime() - start) / 1_000_000);
        }
        return 0;
    }
}

package io.asyncworker.rabbitmq;

import io.asyncworker.App;
import io.asyncworker.RetryPolicy;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * A worker in a child JVM for {@link RetryFleetIT}: consumes a queue with a retry policy and prints
 * one line per handled message, {@code handled <id> <attempt>}, flushed at once; {@code started}
 * once it consumes. Arguments: broker URL, queue, max attempts, delay in ms, and the mode
 * {@code fail} (every attempt fails) or {@code fail-first} (only the first attempt fails).
 */
public final class RetryWorkerMain {
    private RetryWorkerMain() {
    }

    /**
     * Runs until killed.
     *
     * @param args URL, queue, max attempts, delay ms, mode
     */
    public static void main(String[] args) {
        String queue = args[1];
        RetryPolicy policy = policy(Integer.parseInt(args[2]), Long.parseLong(args[3]));
        boolean always = args[4].equals("fail");
        App app = App.create(Settings.from(Map.of(Settings.SHUTDOWN_TIMEOUT.name(), "2s")));
        app.connection(AmqpConnection.builder().url(args[0]).prefetch(10).build());
        app.route(AmqpRoute.consume(queue).declare(QueueDeclaration.durable()).retry(policy).handler(batch -> {
            for (RabbitMQMessage m : batch) {
                System.out.println("handled " + m.properties().getMessageId() + " " + m.attempt());
            }
            System.out.flush();
            if (always || batch.get(0).attempt() == 1) {
                throw new IllegalStateException("failing on purpose");
            }
        }));
        app.start();
        System.out.println("started");
        System.out.flush();
    }

    static RetryPolicy policy(int attempts, long delayMillis) {
        return RetryPolicy.builder().maxAttempts(attempts).fixedDelay(Duration.ofMillis(delayMillis)).build();
    }
}

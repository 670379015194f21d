package io.asyncworker.rabbitmq.internal;

import io.asyncworker.rabbitmq.PublishException;
import java.util.concurrent.CompletableFuture;

/**
 * A publish waiting for its outcome. The future stays the same when the message is sent again
 * after its channel was lost; {@code losses} counts those channel losses. {@code chained} says
 * whether the caller got the future and may chain code to it (then it must not be completed on
 * amqp-client's connection thread); a blocking publish only waits on it.
 */
record PendingPublish(Outgoing message, CompletableFuture<Void> done, boolean chained, int losses) {

    /** A publish whose caller only waits for the outcome. */
    static PendingPublish of(Outgoing message) {
        return new PendingPublish(message, new CompletableFuture<>(), false, 0);
    }

    /** A publish whose caller gets the future. */
    static PendingPublish chained(Outgoing message) {
        return new PendingPublish(message, new CompletableFuture<>(), true, 0);
    }

    /** The same publish, to be sent again after one more channel loss. */
    PendingPublish lostOnce() {
        return new PendingPublish(message, done, chained, losses + 1);
    }

    void succeed() {
        done.complete(null);
    }

    void fail(PublishException.Failure failure, String reason, Throwable cause) {
        done.completeExceptionally(new PublishException(message.exchange(), message.routingKey(), failure, reason, cause));
    }
}

package io.asyncworker.rabbitmq.internal;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The consumer dispatch of the consuming connection: amqp-client hands each channel's consumer
 * callbacks to this executor, which runs them at once on the calling thread, in practice the
 * connection's reader thread. Our callbacks never block and never wait for a broker reply (a
 * delivery only goes into the ring and the bucket; a lost channel is closed on a virtual thread),
 * so nothing needs a thread of its own, and no delivery pays a hand-over to a sleeping pool thread
 * (an unpark on the reader's side, a park on the pool's). User code still runs only on the
 * pipeline's virtual threads.
 *
 * <p>amqp-client does not shut down an executor it was given; {@link #shutdown} only records it.
 */
final class InlineDispatch extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}

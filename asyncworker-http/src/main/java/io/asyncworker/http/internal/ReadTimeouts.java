package io.asyncworker.http.internal;

import io.asyncworker.spi.Cancellable;
import io.asyncworker.spi.TimerService;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.impl.VertxHttpObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Enforces one connection's {@link ReadDeadlines}: a handler before the decoder sees bytes arrive,
 * one after it sees request heads and ends and the ends of responses (Vert.x's ended
 * {@link VertxHttpObject}s). The app's {@link TimerService} checks the deadline at most every
 * shortest timeout, so the timer is asked once per period per connection, never per request; each
 * check runs on the connection's event loop, where all the state lives.
 */
final class ReadTimeouts {
    /** Vert.x's names of its HTTP/1 decoder and connection handler in the channel pipeline. */
    static final String DECODER = "httpDecoder";
    static final String HANDLER = "handler";

    private final Channel channel;
    private final TimerService timer;
    private final ReadDeadlines deadlines;
    private final long period;
    private final Consumer<ReadDeadlines.Phase> onExpired;
    private Cancellable pending = () -> { };

    private ReadTimeouts(Channel channel, ServerLimits limits, TimerService timer, Consumer<ReadDeadlines.Phase> onExpired) {
        this.channel = channel;
        this.timer = timer;
        this.deadlines = new ReadDeadlines(limits.header(), limits.request(), limits.idle(), timer.nanoTime());
        this.period = deadlines.shortestNanos();
        this.onExpired = onExpired;
    }

    /**
     * Installs the deadlines on a connection that has read nothing yet; on its event loop.
     *
     * @param onExpired told which deadline passed, just before the connection is closed
     */
    static void install(ChannelPipeline pipeline, ServerLimits limits, TimerService timer,
                        Consumer<ReadDeadlines.Phase> onExpired) {
        ReadTimeouts timeouts = new ReadTimeouts(pipeline.channel(), limits, timer, onExpired);
        pipeline.addBefore(DECODER, "asyncworker-bytes-read", timeouts.new BytesRead());
        pipeline.addBefore(HANDLER, "asyncworker-requests-read", timeouts.new RequestsRead());
        pipeline.channel().closeFuture().addListener(f -> timeouts.pending.cancel());
        timeouts.checkIn(timeouts.deadlines.nextCheckIn(timer.nanoTime(), timeouts.period));
    }

    private void checkIn(long nanos) {
        pending = timer.schedule(Duration.ofNanos(nanos), () -> {
            try {
                channel.eventLoop().execute(this::check);
            } catch (RejectedExecutionException stopping) {
                // the server is shutting down and closes the connection itself
            }
        });
    }

    private void check() {
        if (!channel.isActive()) {
            return;
        }
        long now = timer.nanoTime();
        Optional<ReadDeadlines.Phase> expired = deadlines.expired(now);
        if (expired.isPresent()) {
            onExpired.accept(expired.get());
            channel.close();
        } else {
            checkIn(deadlines.nextCheckIn(now, period));
        }
    }

    /** Sees raw bytes: the first ones after a finished exchange start the next request head. */
    private final class BytesRead extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf bytes && bytes.isReadable() && deadlines.awaitingRequest()) {
                deadlines.bytesRead(timer.nanoTime());
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** Sees decoded request heads and ends, and the ends of responses on their way out. */
    private final class RequestsRead extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                deadlines.headRead(timer.nanoTime());
            }
            if (msg instanceof LastHttpContent) {
                deadlines.requestRead(timer.nanoTime());
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof VertxHttpObject out && out.isEnded()) {
                deadlines.responseEnded(timer.nanoTime());
            }
            ctx.write(msg, promise);
        }
    }
}

package io.asyncworker.sse.internal;

import io.asyncworker.spi.BatchPipeline;
import io.asyncworker.sse.SseMessage;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/**
 * Reads one open connection of a {@link SseStream}: its bytes through the parser, each event as a
 * message into the route's pipeline, the server's {@code retry:} to the {@link Reconnects}, and
 * (when asked for) comments to the {@link StreamEvents}.
 *
 * <p>Confined to the stream's Vert.x context.
 */
final class ConnectionReader implements EventStreamParser.Listener {
    private final SseStream stream;
    private final StreamSpec spec;
    private final ResumeTracker tracker;
    private final BatchPipeline<SseEvent, SseMessage> pipeline;
    private final Reconnects reconnects;
    private final StreamEvents events;
    private final EventStreamParser parser;
    /** Reused for every chunk, so that reading allocates no copy of it. */
    private byte[] chunkBytes = new byte[0];

    ConnectionReader(SseStream stream, StreamSpec spec, ResumeTracker tracker, BatchPipeline<SseEvent, SseMessage> pipeline,
                     Reconnects reconnects, StreamEvents events) {
        this.stream = stream;
        this.spec = spec;
        this.tracker = tracker;
        this.pipeline = pipeline;
        this.reconnects = reconnects;
        this.events = events;
        this.parser = new EventStreamParser(this, tracker.resumeId(), spec.maxEventSize());
    }

    /**
     * Reads the next chunk; its complete events go to the pipeline.
     *
     * @throws OversizedInputException when the server sent a line or an event over the maximum
     */
    void read(Buffer buf) {
        int len = buf.length();
        if (chunkBytes.length < len) {
            chunkBytes = new byte[Math.max(len, 16 * 1024)];
        }
        buf.getBytes(0, len, chunkBytes, 0);
        parser.feed(chunkBytes, 0, len);
    }

    /** The connection is over: the unfinished event is discarded. */
    void end() {
        parser.end();
    }

    @Override
    public void onEvent(String type, String data, String lastEventId) {
        long seq = tracker.deliver();
        reconnects.delivered();
        pipeline.add(new SseEvent(stream, seq, type, data, lastEventId, reconnects.serverRetry(),
                tracker.deliveryCount(seq)));
    }

    @Override
    public void onRetry(long millis) {
        reconnects.retry(Duration.ofMillis(millis));
    }

    @Override
    public void onLastEventId(String lastEventId) {
        stream.idOnly(lastEventId);
    }

    @Override
    public boolean wantsComments() {
        return spec.comments();
    }

    @Override
    public void onComment(String comment) {
        events.comment(comment);
    }
}

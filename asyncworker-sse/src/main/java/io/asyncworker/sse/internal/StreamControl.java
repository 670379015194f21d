package io.asyncworker.sse.internal;

import io.asyncworker.sse.SseStreamControl;
import java.util.Optional;

/** The {@link SseStreamControl} of one {@link SseStream}, as its listener gets it. Thread-safe. */
final class StreamControl implements SseStreamControl {
    private final SseStream stream;
    private final StreamSpec spec;
    private final ResumeTracker tracker;

    StreamControl(SseStream stream, StreamSpec spec, ResumeTracker tracker) {
        this.stream = stream;
        this.spec = spec;
        this.tracker = tracker;
    }

    @Override
    public String route() {
        return spec.route();
    }

    @Override
    public String url() {
        return spec.url();
    }

    @Override
    public Optional<String> lastEventId() {
        String id = tracker.resumeId();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    @Override
    public void restart() {
        stream.restart();
    }

    @Override
    public String toString() {
        return "SseStreamControl[" + spec.route() + " " + spec.url() + "]";
    }
}

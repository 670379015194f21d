package io.asyncworker.sse.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.ComponentHealth.State;
import io.asyncworker.spi.RouteMetrics;

/**
 * What one stream reports: its {@code stream} component in the app's health and its
 * {@code consumer.up} gauge. Written on the stream's context, read from any thread.
 */
final class StreamHealth {
    private final StreamSpec spec;
    private final RouteMetrics metrics;
    private volatile ComponentHealth current;

    StreamHealth(StreamSpec spec, RouteMetrics metrics) {
        this.spec = spec;
        this.metrics = metrics;
        this.current = component(State.STARTING, "not connected yet");
    }

    ComponentHealth current() {
        return current;
    }

    void connecting(String url) {
        set(State.STARTING, "connecting to " + url);
    }

    void open() {
        set(State.UP, "open");
        metrics.consumerUp(spec.url(), true);
    }

    /** The connection is lost or could not be opened; {@code detail} says why and what comes next. */
    void down(String detail) {
        set(State.DOWN, detail);
        metrics.consumerUp(spec.url(), false);
    }

    void waitingForSettlements(long inFlight) {
        set(State.DOWN, "waiting for " + inFlight + " events in flight to finish before resuming");
    }

    /** The server said the stream is over (204); no reconnect. */
    void ended() {
        metrics.consumerUp(spec.url(), false);
        set(State.STOPPED, "the server answered 204 No Content: the stream is over");
    }

    /** The app stops the stream; an ended stream keeps its reason. */
    void stopped() {
        if (current.state() != State.STOPPED) {
            set(State.STOPPED, "stopped");
        }
    }

    private void set(State state, String detail) {
        current = component(state, detail);
    }

    private ComponentHealth component(State state, String detail) {
        return new ComponentHealth("stream", spec.componentName(), state, detail);
    }
}

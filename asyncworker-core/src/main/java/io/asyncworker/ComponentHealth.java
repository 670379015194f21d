package io.asyncworker;

import java.util.Objects;

/**
 * The state of one consumer, stream, schedule or server, as reported by its backend.
 *
 * @param kind   what it is: {@code consumer}, {@code stream}, {@code schedule}, {@code server}
 * @param name   which one, e.g. {@code items-route/items}
 * @param state  its state
 * @param detail a short human-readable reason, empty when there is nothing to say
 */
public record ComponentHealth(String kind, String name, State state, String detail) {

    /** The lifecycle state of a component. */
    public enum State {
        /** Not yet serving: connecting, subscribing. */
        STARTING,
        /** Serving. */
        UP,
        /** Lost and recovering, e.g. backing off before a reconnect. */
        DOWN,
        /** Stopped on purpose. */
        STOPPED
    }

    /** Validates the components. */
    public ComponentHealth {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * {@return a component that is up, with no detail}
     *
     * @param kind what kind of component, e.g. {@code consumer}
     * @param name the name
     */
    public static ComponentHealth up(String kind, String name) {
        return new ComponentHealth(kind, name, State.UP, "");
    }

    /** {@return whether this component is serving} */
    public boolean isUp() {
        return state == State.UP;
    }
}

package io.asyncworker;

import java.util.List;

/**
 * A snapshot of the app's health: up when the app runs and every component is up.
 *
 * @param running    whether the app has started and is not stopping
 * @param components every consumer, stream, schedule and server, in backend order
 */
public record Health(boolean running, List<ComponentHealth> components) {

    /** Copies the component list. */
    public Health {
        components = List.copyOf(components);
    }

    /** {@return whether the app is running and every component is up} */
    public boolean isUp() {
        return running && components.stream().allMatch(ComponentHealth::isUp);
    }

    /** {@return the components that are not up, with their reasons} */
    public List<ComponentHealth> problems() {
        return components.stream().filter(c -> !c.isUp()).toList();
    }
}

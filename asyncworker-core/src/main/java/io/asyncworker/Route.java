package io.asyncworker;

import java.util.List;

/**
 * A registered unit of work: what a backend consumes or serves and the handler that does it.
 *
 * <p>Routes are immutable values built by each backend's route builder ({@code AmqpRoute},
 * {@code HttpRoute}, {@code SseRoute}, {@code Schedule}) and registered with
 * {@link App#route(Route)}. Route names are unique within an app.
 */
public interface Route {

    /** {@return the backend kind that serves this route} */
    RouteType type();

    /** {@return a unique, human-readable name, used in logs, metrics tags and health} */
    String name();

    /** {@return the sources this route reads: queues, stream URLs, paths or a schedule} */
    List<String> sources();

    /**
     * {@return the effective options of this route and where each came from}
     *
     * @param settings the app's settings, which supply defaults such as the flush timeout
     */
    List<RouteOption> describe(Settings settings);
}

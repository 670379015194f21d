package io.asyncworker;

/**
 * A named connection to an external system (a RabbitMQ broker, an SSE server).
 *
 * <p>Registered with {@link App#connection(Connection)}; routes pick one by name or take the
 * only one of their type. The backend opens it at start and closes it last at stop.
 */
public interface Connection {

    /** {@return the name routes refer to; unique per type within an app} */
    String name();

    /** {@return the kind of route this connection serves} */
    RouteType type();
}

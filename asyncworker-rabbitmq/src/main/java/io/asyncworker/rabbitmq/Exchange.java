package io.asyncworker.rabbitmq;

import io.asyncworker.rabbitmq.internal.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An exchange to declare: its name, type, durability and arguments. Part of an
 * {@link AmqpTopology}.
 *
 * <pre>{@code
 * Exchange.topic("orders");                                    // durable, not auto-deleted
 * Exchange.fanout("orders.dlx");
 * Exchange.headers("by-region").alternateExchange("unrouted");
 * Exchange.of("delayed", "x-delayed-message").argument("x-delayed-type", "direct");   // a plugin's type
 * }</pre>
 *
 * <p>Each method checks its argument at once and throws {@link IllegalArgumentException} naming
 * it. An immutable value: every method returns a new exchange. Thread-safe.
 */
public final class Exchange {
    private final String name;
    private final String type;
    private final boolean durable;
    private final boolean autoDelete;
    private final boolean internal;
    private final Map<String, Object> arguments;

    private Exchange(String name, String type, boolean durable, boolean autoDelete, boolean internal,
                     Map<String, Object> arguments) {
        this.name = name;
        this.type = type;
        this.durable = durable;
        this.autoDelete = autoDelete;
        this.internal = internal;
        this.arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * A durable direct exchange: routes on the exact routing key.
     *
     * @param name the exchange's name
     * @return the exchange
     */
    public static Exchange direct(String name) {
        return of(name, "direct");
    }

    /**
     * A durable topic exchange: routes on routing-key patterns ({@code orders.*.eu}, {@code orders.#}).
     *
     * @param name the exchange's name
     * @return the exchange
     */
    public static Exchange topic(String name) {
        return of(name, "topic");
    }

    /**
     * A durable fanout exchange: routes to every bound queue, ignoring routing keys.
     *
     * @param name the exchange's name
     * @return the exchange
     */
    public static Exchange fanout(String name) {
        return of(name, "fanout");
    }

    /**
     * A durable headers exchange: routes on message headers, see {@link Binding#whereAll(Map)}.
     *
     * @param name the exchange's name
     * @return the exchange
     */
    public static Exchange headers(String name) {
        return of(name, "headers");
    }

    /**
     * A durable exchange of any type, also one a plugin provides.
     *
     * @param name the exchange's name
     * @param type the exchange type, e.g. {@code x-delayed-message}
     * @return the exchange
     * @throws IllegalArgumentException when the name is blank, longer than 255 bytes or starts with {@code amq.}
     */
    public static Exchange of(String name, String type) {
        Names.declarable("exchange", name);
        Names.reference("exchange type", type);
        return new Exchange(name, type, true, false, false, Map.of());
    }

    /**
     * Whether it survives a broker restart; default {@code true}.
     *
     * @param durable {@code false} for an exchange that is gone after a broker restart
     * @return a new exchange with this durability
     */
    public Exchange durable(boolean durable) {
        return new Exchange(name, type, durable, autoDelete, internal, arguments);
    }

    /**
     * Whether it is deleted once its last binding goes; default {@code false}.
     *
     * @param autoDelete {@code true} to delete it with its last binding
     * @return a new exchange with this setting
     */
    public Exchange autoDelete(boolean autoDelete) {
        return new Exchange(name, type, durable, autoDelete, internal, arguments);
    }

    /**
     * Whether publishers may not use it directly (only other exchanges route to it); default {@code false}.
     *
     * @param internal {@code true} to refuse direct publishes
     * @return a new exchange with this setting
     */
    public Exchange internal(boolean internal) {
        return new Exchange(name, type, durable, autoDelete, internal, arguments);
    }

    /**
     * Messages it cannot route go to this exchange instead ({@code alternate-exchange}).
     *
     * @param exchange the alternate exchange's name
     * @return a new exchange with this argument
     */
    public Exchange alternateExchange(String exchange) {
        return argument("alternate-exchange", Names.reference("alternateExchange", exchange));
    }

    /**
     * Adds any other exchange argument.
     *
     * @param argument the argument's name
     * @param value the argument's value
     * @return a new exchange with this argument
     * @throws IllegalArgumentException when the name is blank
     */
    public Exchange argument(String argument, Object value) {
        return new Exchange(name, type, durable, autoDelete, internal, Names.withArgument("exchange", arguments, argument, value));
    }

    /** {@return the exchange's name} */
    public String name() {
        return name;
    }

    /**
     * Its type: {@code direct}, {@code topic}, {@code fanout}, {@code headers} or a plugin's.
     *
     * @return its type: {@code direct}, {@code topic}, {@code fanout}, {@code headers} or a plugin's
     */
    public String type() {
        return type;
    }

    /** {@return whether it survives a broker restart} */
    public boolean isDurable() {
        return durable;
    }

    /** {@return whether it is deleted once its last binding goes} */
    public boolean isAutoDelete() {
        return autoDelete;
    }

    /** {@return whether only other exchanges may route to it} */
    public boolean isInternal() {
        return internal;
    }

    /** {@return the arguments as sent to the broker; unmodifiable} */
    public Map<String, Object> arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exchange e && e.name.equals(name) && e.type.equals(type) && e.durable == durable
                && e.autoDelete == autoDelete && e.internal == internal && e.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, durable, autoDelete, internal, arguments);
    }

    @Override
    public String toString() {
        return type + " exchange '" + name + "' (" + (durable ? "durable" : "transient") + (autoDelete ? ", auto-delete" : "")
                + (internal ? ", internal" : "") + (arguments.isEmpty() ? "" : ", " + arguments) + ")";
    }
}

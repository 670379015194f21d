package io.asyncworker.rabbitmq.internal;

import com.rabbitmq.client.Address;
import io.asyncworker.spi.Checks;
import java.util.regex.Pattern;

/**
 * One broker node to connect to: a host name or IP literal and a port. An immutable value.
 *
 * @param host a host name, an IPv4 literal or an IPv6 literal without brackets
 * @param port 1 to 65535
 */
public record BrokerNode(String host, int port) {
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._~%-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z]+");

    /**
     * @throws IllegalArgumentException naming the problem
     */
    public BrokerNode {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a broker address has no host");
        }
        Checks.between("port of " + host, port, 1, 65535);
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}.
     *
     * @param defaultPort the port when none is given
     * @throws IllegalArgumentException naming the address and the problem
     */
    public static BrokerNode parse(String address, int defaultPort) {
        String a = address.trim();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            if (end < 0 || !IPV6.matcher(a.substring(1, end)).matches()) {
                throw new IllegalArgumentException("broker address '" + a + "' has a malformed IPv6 literal");
            }
            return new BrokerNode(a.substring(1, end), port(a, a.substring(end + 1), defaultPort));
        }
        int colon = a.indexOf(':');
        String host = colon < 0 ? a : a.substring(0, colon);
        if (!HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("broker address '" + a + "' has no valid host");
        }
        return new BrokerNode(host, port(a, colon < 0 ? "" : a.substring(colon), defaultPort));
    }

    private static int port(String address, String rest, int defaultPort) {
        if (rest.isEmpty()) {
            return defaultPort;
        }
        if (!rest.startsWith(":") || !rest.substring(1).matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("broker address '" + address + "' has a malformed port");
        }
        return Integer.parseInt(rest.substring(1));
    }

    /** This node with another port. */
    public BrokerNode withPort(int newPort) {
        return new BrokerNode(host, newPort);
    }

    /** The amqp-client address. */
    public Address toAddress() {
        return new Address(host, port);
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

package io.asyncworker.rabbitmq.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code amqp://user:pass@host:port/vhost} or {@code amqps://…} URL, also with several
 * comma-separated nodes: {@code amqp://user:pass@h1:5672,h2:5673,h3/vhost} (a node without a port
 * gets the scheme's). Parsed here rather than by amqp-client because its {@code amqps} handling
 * trusts every certificate, and {@code java.net.URI} does not take a host list.
 *
 * @param nodes    at least one, in the order given
 * @param password empty when the URL has none
 */
public record AmqpUri(boolean tls, List<BrokerNode> nodes, Optional<String> username, Optional<String> password,
                      Optional<String> vhost) {

    public AmqpUri {
        nodes = List.copyOf(nodes);
    }

    /** The first node's host. */
    public String host() {
        return nodes.getFirst().host();
    }

    /** The first node's port. */
    public int port() {
        return nodes.getFirst().port();
    }

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException naming the problem, never showing the password
     */
    public static AmqpUri parse(String url) {
        int sep = url.indexOf("://");
        String scheme = sep < 0 ? null : url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!"amqp".equals(scheme) && !"amqps".equals(scheme)) {
            throw new IllegalArgumentException("AMQP URL must start with amqp:// or amqps://, got scheme "
                    + (sep < 0 ? "none" : url.substring(0, sep)));
        }
        boolean tls = scheme.equals("amqps");
        String rest = url.substring(sep + 3);
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        List<BrokerNode> nodes = nodes(authority.substring(at + 1), tls ? 5671 : 5672);
        return new AmqpUri(tls, nodes, user(userInfo, 0), user(userInfo, 1), vhost(rest.substring(authorityEnd)));
    }

    private static List<BrokerNode> nodes(String hosts, int defaultPort) {
        if (hosts.isBlank()) {
            throw new IllegalArgumentException("AMQP URL has no host");
        }
        List<BrokerNode> nodes = new ArrayList<>();
        for (String part : hosts.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("AMQP URL has an empty entry in its host list '" + hosts + "'");
            }
            nodes.add(BrokerNode.parse(part, defaultPort));
        }
        return nodes;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static Optional<String> user(String info, int part) {
        if (info == null) {
            return Optional.empty();
        }
        String[] parts = info.split(":", 2);
        return part < parts.length ? Optional.of(decode(parts[part], part == 0 ? "user name" : "password"))
                : Optional.empty();
    }

    private static Optional<String> vhost(String pathAndQuery) {
        int end = indexOfAny(pathAndQuery, "?#");
        String path = pathAndQuery.substring(0, end);
        if (path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(decode(path.substring(1), "virtual host"));
    }

    private static String decode(String s, String what) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AMQP URL has a malformed %-escape in its " + what);
        }
    }
}

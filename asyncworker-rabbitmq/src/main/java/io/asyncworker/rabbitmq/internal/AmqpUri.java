package io.asyncworker.rabbitmq.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A parsed {@code amqp://user:pass@host:port/vhost} or {@code amqps://…} URL. Parsed here rather
 * than by amqp-client because its {@code amqps} handling trusts every certificate.
 *
 * @param password empty when the URL has none
 */
public record AmqpUri(boolean tls, String host, int port, Optional<String> username, Optional<String> password,
                      Optional<String> vhost) {

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException naming the problem, never showing the password
     */
    public static AmqpUri parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("AMQP URL is malformed: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("AMQP URL must start with amqp:// or amqps://, got scheme " + scheme);
        }
        boolean tls = "amqps".equalsIgnoreCase(scheme);
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("AMQP URL has no host");
        }
        int port = uri.getPort() == -1 ? (tls ? 5671 : 5672) : uri.getPort();
        return new AmqpUri(tls, uri.getHost(), port, user(uri, 0), user(uri, 1), vhost(uri));
    }

    private static Optional<String> user(URI uri, int part) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return Optional.empty();
        }
        String[] parts = info.split(":", 2);
        return part < parts.length ? Optional.of(decode(parts[part])) : Optional.empty();
    }

    private static Optional<String> vhost(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(decode(path.substring(1)));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

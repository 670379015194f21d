package io.asyncworker.test.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The parts of an {@code amqp://user:pass@host:port/vhost} URL the test kit needs. Immutable.
 *
 * @param url      the URL as given
 * @param user     the user name, {@code guest} when the URL has none
 * @param password the password, {@code guest} when the URL has none
 * @param host     the host
 * @param vhost    the virtual host, {@code /} when the URL names none
 */
public record BrokerUrl(String url, String user, String password, String host, String vhost) {

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException when it is not an AMQP URL with a host
     */
    public static BrokerUrl parse(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !(uri.getScheme().equals("amqp") || uri.getScheme().equals("amqps"))) {
            throw new IllegalArgumentException("not an amqp:// URL with a host: " + uri.getScheme() + "://" + uri.getHost());
        }
        String[] credentials = uri.getRawUserInfo() == null ? new String[] {"guest", "guest"}
                : uri.getRawUserInfo().split(":", 2);
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/" : decode(uri.getRawPath().substring(1));
        return new BrokerUrl(url, decode(credentials[0]), credentials.length > 1 ? decode(credentials[1]) : "",
                uri.getHost(), path);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code s} encoded as one segment of a URL's path. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@return the URL with another virtual host} */
    public String withVhost(String other) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + segment(other)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** {@return whether the host is this machine, where a local {@code rabbitmqctl} reaches the broker} */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

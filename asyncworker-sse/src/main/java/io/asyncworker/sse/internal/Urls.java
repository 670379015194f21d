package io.asyncworker.sse.internal;

import io.asyncworker.spi.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/** URL checks and joins for stream addresses. */
public final class Urls {
    /** Characters that may not occur in an HTTP token (RFC 9110 §5.6.2). */
    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={}";

    private Urls() {
    }

    /** Whether the text is an absolute {@code http(s)} URL rather than a path. */
    public static boolean isAbsolute(String urlOrPath) {
        String lower = urlOrPath.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /**
     * Checks that the text is an absolute {@code http(s)} URL with a host.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static String requireAbsolute(String option, String url) {
        try {
            URI uri = new URI(url);
            if (!isAbsolute(url) || uri.getHost() == null) {
                throw new IllegalArgumentException(option + " must be an absolute http(s) URL with a host, got '" + url + "'");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a valid URL: '" + url + "' (" + e.getReason() + ")", e);
        }
    }

    /**
     * Checks a stream source: an absolute URL, or a path relative to a connection's base URL.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static String requireSource(String source) {
        Checks.notBlank("urlOrPath", source);
        if (isAbsolute(source)) {
            return requireAbsolute("urlOrPath", source);
        }
        if (source.contains("://")) {
            throw new IllegalArgumentException("urlOrPath must be an http(s) URL or a path, got '" + source + "'");
        }
        try {
            new URI(null, null, source.split("\\?", 2)[0], null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("urlOrPath is not a valid path: '" + source + "'", e);
        }
        return source;
    }

    /** Checks a header name and value, rejecting line breaks that would split the request. */
    public static void requireHeader(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, "header value");
        if (name.isBlank() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("header name is not a valid token: '" + name + "'");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header '" + name + "' value must not contain CR or LF");
        }
    }

    /**
     * Checks a request method: an HTTP token, not one that cannot carry a stream.
     *
     * @throws IllegalArgumentException naming the option
     */
    public static String requireMethod(String method) {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(c -> c > 32 && c < 127 && SEPARATORS.indexOf(c) < 0)) {
            throw new IllegalArgumentException("method is not a valid HTTP method: '" + method + "'");
        }
        if (method.equals("HEAD") || method.equals("CONNECT") || method.equals("TRACE")) {
            throw new IllegalArgumentException("method " + method + " cannot carry an event stream; use GET, POST or REPORT");
        }
        return method;
    }

    /** Appends a path to a base URL: {@code https://h/api} + {@code /stream} = {@code https://h/api/stream}. */
    public static String join(String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Resolves a redirect's {@code Location} against the URL that answered it. Same-document
     * references follow RFC 3986 §5.2.2, where {@link URI#resolve} follows RFC 2396: an empty
     * reference (or a fragment only) is the current URL itself, not its parent path, and a query
     * only replaces the current query. Fragments are dropped, a request never carries one.
     */
    public static String resolve(String current, String location) {
        String ref = location.trim();
        if (ref.isEmpty() || ref.startsWith("#")) {
            return beforeAny(current, "#");
        }
        if (ref.startsWith("?")) {
            return beforeAny(current, "?#") + beforeAny(ref, "#");
        }
        return URI.create(current).resolve(ref).toString();
    }

    /** The text up to the first of the given characters. */
    private static String beforeAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Whether two absolute URLs share scheme, host and port. */
    public static boolean sameOrigin(String a, String b) {
        URI x = URI.create(a);
        URI y = URI.create(b);
        return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost().equalsIgnoreCase(y.getHost())
                && port(x) == port(y);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

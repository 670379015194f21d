package io.asyncworker.http.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route path such as {@code /items/{id}/tags}: literal segments and whole-segment parameters.
 * Immutable. Orders by specificity so that {@code /items/new} is tried before {@code /items/{id}}.
 */
public final class PathTemplate implements Comparable<PathTemplate> {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");

    private final String template;
    private final List<String> segments;
    private final List<String> params;

    private PathTemplate(String template, List<String> segments, List<String> params) {
        this.template = template;
        this.segments = segments;
        this.params = params;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming {@code path} and what is wrong with it
     */
    public static PathTemplate parse(String path) {
        if (!path.startsWith("/")) {
            throw bad(path, "must start with /");
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> segments = trimmed.equals("/") ? List.of() : List.of(trimmed.substring(1).split("/", -1));
        List<String> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String segment : segments) {
            param(path, segment).ifPresent(name -> {
                if (!seen.add(name)) {
                    throw bad(path, "declares parameter {" + name + "} twice");
                }
                params.add(name);
            });
        }
        return new PathTemplate(trimmed, segments, List.copyOf(params));
    }

    private static Optional<String> param(String path, String segment) {
        Matcher m = PARAM.matcher(segment);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        if (segment.isEmpty()) {
            throw bad(path, "has an empty segment");
        }
        if (!LITERAL.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
            throw bad(path, "has an invalid segment '" + segment
                    + "' (literals use letters, digits and . _ ~ -; a parameter is a whole segment {name})");
        }
        return Optional.empty();
    }

    private static IllegalArgumentException bad(String path, String why) {
        return new IllegalArgumentException("path '" + path + "' " + why);
    }

    /** The path as written, without a trailing slash, e.g. {@code /items/{id}}. */
    public String template() {
        return template;
    }

    /** The parameter names, in order. */
    public List<String> params() {
        return params;
    }

    /** The same path with anonymous parameters, e.g. {@code /items/{}}: equal keys clash. */
    public String key() {
        return "/" + String.join("/", segments.stream().map(s -> isParam(s) ? "{}" : s).toList());
    }

    /** The path in Vert.x Web syntax, e.g. {@code /items/:id}. */
    public String vertxPath() {
        return "/" + String.join("/", segments.stream().map(s -> isParam(s) ? ":" + s.substring(1, s.length() - 1) : s).toList());
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{");
    }

    @Override
    public int compareTo(PathTemplate other) {
        int n = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < n; i++) {
            int c = Boolean.compare(isParam(segments.get(i)), isParam(other.segments.get(i)));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(other.segments.size(), segments.size());
        return c != 0 ? c : key().compareTo(other.key());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathTemplate p && p.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}

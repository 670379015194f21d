package io.asyncworker.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code key=value} arguments (a bare word is a flag set to {@code true}). */
public final class Params {
    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    public static Params parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                values.put(arg, "true");
            } else {
                values.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return new Params(values);
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public int getInt(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getOrDefault(key, "false"));
    }
}

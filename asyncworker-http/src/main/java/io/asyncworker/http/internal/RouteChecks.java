package io.asyncworker.http.internal;

import io.asyncworker.http.HttpSettings;
import io.asyncworker.Route;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import io.asyncworker.http.HttpRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Start-time checks of the HTTP routes against each other and the built-in routes. */
final class RouteChecks {

    private RouteChecks() {
    }

    /**
     * The routes as {@link HttpRoute}s.
     *
     * @throws IllegalArgumentException when a route of type HTTP was not built by {@code HttpRoute}
     */
    static List<HttpRoute> httpRoutes(List<Route> routes) {
        return routes.stream().map(r -> {
            if (r instanceof HttpRoute http) {
                return http;
            }
            throw new IllegalArgumentException("route '" + r.name() + "' has type HTTP but was not built with HttpRoute");
        }).toList();
    }

    /**
     * Rejects two routes serving the same method and path (parameter names aside), and user
     * routes on the metrics or health path.
     *
     * @throws IllegalArgumentException naming the clash
     */
    static void check(List<HttpRoute> routes, Settings settings) {
        Map<String, String> owners = new HashMap<>();
        Map<String, String> reserved = reserved(settings);
        for (HttpRoute route : routes) {
            for (String path : route.paths()) {
                String key = PathTemplate.parse(path).key();
                if (reserved.containsKey(key)) {
                    throw new IllegalArgumentException("route '" + route.name() + "': path " + path
                            + " is taken by the built-in " + reserved.get(key));
                }
                String previous = owners.putIfAbsent(route.method() + " " + key, route.name());
                if (previous != null) {
                    throw new IllegalArgumentException("duplicate HTTP route " + route.method() + " " + path
                            + ": served by both '" + previous + "' and '" + route.name() + "' (paths)");
                }
            }
        }
    }

    /** A built-in route: its path, the setting it comes from and what it is. */
    private record Builtin(String path, Setting<String> setting, String what) {
    }

    /** The built-in routes' paths by key, with what serves them; two of them on one path is an error. */
    private static Map<String, String> reserved(Settings settings) {
        String health = settings.get(HttpSettings.HEALTH_PATH);
        List<Builtin> builtins = new ArrayList<>();
        builtins.add(new Builtin(health, HttpSettings.HEALTH_PATH, "health route"));
        builtins.add(new Builtin(BuiltinRoutes.subPath(health, "live"), HttpSettings.HEALTH_PATH, "liveness route"));
        builtins.add(new Builtin(BuiltinRoutes.subPath(health, "ready"), HttpSettings.HEALTH_PATH, "readiness route"));
        if (settings.get(HttpSettings.METRICS_ENABLED)) {
            builtins.add(new Builtin(settings.get(HttpSettings.METRICS_PATH), HttpSettings.METRICS_PATH, "metrics route"));
        }
        Map<String, String> reserved = new HashMap<>();
        for (Builtin b : builtins) {
            String owner = b.what() + " (" + b.setting() + ")";
            String previous = reserved.putIfAbsent(builtinKey(b.path(), b.setting().name()), owner);
            if (previous != null) {
                throw new IllegalArgumentException("the " + previous + " and the " + owner + " must differ, both are "
                        + b.path());
            }
        }
        return reserved;
    }

    private static String builtinKey(String path, String variable) {
        try {
            return PathTemplate.parse(path).key();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
        }
    }
}

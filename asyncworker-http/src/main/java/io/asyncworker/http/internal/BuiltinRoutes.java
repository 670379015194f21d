package io.asyncworker.http.internal;

import io.asyncworker.ComponentHealth;
import io.asyncworker.Health;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in {@code /metrics}, {@code /health}, {@code /health/live} and {@code /health/ready}
 * routes; served like user routes, on virtual threads.
 */
final class BuiltinRoutes {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private BuiltinRoutes() {
    }

    /** Prometheus text of everything in the registry. */
    static HttpRoute metrics(String path, PrometheusMeterRegistry registry) {
        return HttpRoute.get(path, req -> Response.bytes(registry.scrape().getBytes(StandardCharsets.UTF_8), PROMETHEUS_TEXT));
    }

    /** 200 when the app runs and every component is up, else 503 with the reasons. */
    static HttpRoute health(String path, Supplier<Health> health) {
        return HttpRoute.get(path, req -> health(health.get()));
    }

    /** {@code <health path>/live}: 200 while the process is not stuck, else 503 with the reasons. */
    static HttpRoute live(String healthPath, Supplier<List<String>> problems) {
        return HttpRoute.get(subPath(healthPath, "live"), req -> probe(problems.get()));
    }

    /** {@code <health path>/ready}: 200 when the app runs and every component is up, else 503 with the reasons. */
    static HttpRoute ready(String healthPath, Supplier<Health> health) {
        return HttpRoute.get(subPath(healthPath, "ready"), req -> {
            Health h = health.get();
            return probe(h.isUp() ? List.of() : reasons(h));
        });
    }

    /** A probe's answer: {@code {"status":"UP"}}, or 503 {@code {"status":"DOWN","reasons":[...]}}. */
    static Response probe(List<String> problems) {
        if (problems.isEmpty()) {
            return Response.json(Map.of("status", "UP"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "DOWN");
        body.put("reasons", problems);
        return Response.json(body).withStatus(503);
    }

    /** A path below the health path: {@code /health} and {@code live} give {@code /health/live}. */
    static String subPath(String healthPath, String name) {
        return (healthPath.endsWith("/") ? healthPath : healthPath + "/") + name;
    }

    static Response health(Health health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.isUp() ? "UP" : "DOWN");
        body.put("running", health.running());
        body.put("components", health.components().stream().map(BuiltinRoutes::component).toList());
        if (!health.isUp()) {
            body.put("reasons", reasons(health));
        }
        return Response.json(body).withStatus(health.isUp() ? 200 : 503);
    }

    private static Map<String, String> component(ComponentHealth c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("name", c.name());
        m.put("state", c.state().name());
        m.put("detail", c.detail());
        return m;
    }

    private static List<String> reasons(Health health) {
        List<String> reasons = new ArrayList<>();
        if (!health.running()) {
            reasons.add("app is not running");
        }
        for (ComponentHealth c : health.problems()) {
            reasons.add(c.kind() + " " + c.name() + " is " + c.state() + (c.detail().isEmpty() ? "" : ": " + c.detail()));
        }
        return reasons;
    }
}

package io.asyncworker.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpMetrics metrics = new HttpMetrics(registry);

    private long count(String method, String route, String status) {
        var timer = registry.find(HttpMetrics.TIMER).tags("method", method, "route", route, "status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void recordsUnderTheRouteTemplateMethodAndStatusFromTheStartTime() {
        HttpMetrics.RouteTimers timers = metrics.timers("GET", "/items/{id}");
        long started = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(50);
        metrics.record(new HttpMetrics.Timing(timers, started), "GET", 200);
        metrics.record(new HttpMetrics.Timing(timers, started), "GET", 200);
        assertThat(count("GET", "/items/{id}", "200")).isEqualTo(2);
        assertThat(registry.find(HttpMetrics.TIMER).timer().totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(100);
    }

    @Test
    void recordsAnotherMethodOnTheSamePathUnderThatMethod() {
        HttpMetrics.RouteTimers timers = metrics.timers("GET", "/items/{id}");
        metrics.record(new HttpMetrics.Timing(timers, System.nanoTime()), "DELETE", 405);
        metrics.record(new HttpMetrics.Timing(timers, System.nanoTime()), "BREW", 405);
        assertThat(count("DELETE", "/items/{id}", "405")).isEqualTo(1);
        assertThat(count("OTHER", "/items/{id}", "405")).isEqualTo(1);
    }

    @Test
    void recordsAnUntaggedRequestAsNotFound() {
        metrics.record(new HttpMetrics.Timing(null, System.nanoTime()), "GET", 404);
        assertThat(count("GET", HttpMetrics.NOT_FOUND, "404")).isEqualTo(1);
    }
}

package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.App;
import io.asyncworker.Origin;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route building and registration checks; nothing here starts a server. */
class HttpRouteTest {
    private static final HttpHandler OK = req -> Response.ok();

    @Test
    void namesRoutesByMethodAndPaths() {
        HttpRoute r = HttpRoute.get(List.of("/a", "/b/{id}/"), OK);
        assertThat(r.type()).isEqualTo(RouteType.HTTP);
        assertThat(r.name()).isEqualTo("GET /a, /b/{id}");
        assertThat(r.sources()).containsExactly("/a", "/b/{id}");
        assertThat(HttpRoute.post("/x", OK).method()).isEqualTo(HttpMethod.POST);
        assertThat(HttpRoute.put("/x", OK).name()).isEqualTo("PUT /x");
        assertThat(HttpRoute.patch("/x", OK).name()).isEqualTo("PATCH /x");
        assertThat(HttpRoute.delete("/x", OK).name()).isEqualTo("DELETE /x");
        assertThat(HttpRoute.head("/x", OK).name()).isEqualTo("HEAD /x");
    }

    @Test
    void validatesEachArgumentAtOnce() {
        assertThatThrownBy(() -> HttpRoute.get("items", OK)).hasMessageContaining("path 'items' must start with /");
        assertThatThrownBy(() -> HttpRoute.get(List.of(), OK)).hasMessageContaining("paths must not be empty");
        assertThatThrownBy(() -> HttpRoute.get(List.of("/a/{x}", "/a/{y}"), OK)).hasMessageContaining("paths lists");
        assertThatThrownBy(() -> HttpRoute.get("/a", OK).withBodyLimit(-1)).hasMessageContaining("bodyLimit");
        assertThatThrownBy(() -> HttpRoute.get("/a", (HttpHandler) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("handler");
    }

    @Test
    void describesItsEffectiveOptions() {
        Settings settings = Settings.from(Map.of(HttpSettings.PORT.name(), "9090"));
        assertThat(HttpRoute.get("/a", OK).describe(settings)).containsExactly(
                new RouteOption("method", "GET", Origin.CODE),
                new RouteOption("paths", "/a", Origin.CODE),
                new RouteOption("bodyLimit", "1048576", Origin.DEFAULT),
                new RouteOption("server", "127.0.0.1:9090", Origin.ENVIRONMENT, java.util.List.of("ASYNCWORKER_HTTP_PORT")));
        assertThat(HttpRoute.get("/a", OK).withBodyLimit(10).describe(settings))
                .contains(new RouteOption("bodyLimit", "10", Origin.CODE));
    }

    @Test
    void rejectsTheSameMethodAndPathAtRegistration() {
        App app = App.create(Settings.from(Map.of()));
        app.route(HttpRoute.get("/items/{id}", OK)).route(HttpRoute.post("/items/{id}", OK));
        assertThatThrownBy(() -> app.route(HttpRoute.get("/items/{id}", OK)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /items/{id}");
    }

    @Test
    void rejectsOverlappingPathsAtStart() {
        assertStartFails("duplicate HTTP route GET /items/{key}",
                HttpRoute.get("/items/{id}", OK), HttpRoute.get(List.of("/other", "/items/{key}"), OK));
    }

    @Test
    void rejectsUserRoutesOnTheBuiltInPaths() {
        assertStartFails("taken by the built-in health route", HttpRoute.post("/health", OK));
        assertStartFails("taken by the built-in metrics route", HttpRoute.get("/metrics/", OK));
        assertStartFails("taken by the built-in liveness route", HttpRoute.get("/health/live", OK));
        assertStartFails("taken by the built-in readiness route", HttpRoute.get("/health/ready", OK));
    }

    @Test
    void rejectsAMetricsPathOnAProbe() {
        App app = App.create(Settings.from(Map.of(HttpSettings.PORT.name(), "0",
                HttpSettings.METRICS_PATH.name(), "/health/live")));
        try (app) {
            assertThatThrownBy(app::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                    "the liveness route (ASYNCWORKER_HEALTH_PATH) and the metrics route (ASYNCWORKER_METRICS_PATH) "
                            + "must differ, both are /health/live");
        }
    }

    private static void assertStartFails(String message, HttpRoute... routes) {
        App app = App.create(Settings.from(Map.of(HttpSettings.PORT.name(), "0")));
        try (app) {
            for (HttpRoute r : routes) {
                app.route(r);
            }
            assertThatThrownBy(app::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        }
    }
}

package io.asyncworker.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.Origin;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesReportTest {

    /** A route whose options came from the environment, as an HTTP route's server address does. */
    private record EnvRoute(List<RouteOption> options) implements Route {
        @Override public RouteType type() { return RouteType.HTTP; }
        @Override public String name() { return "GET /stats"; }
        @Override public List<String> sources() { return List.of("/stats"); }
        @Override public List<RouteOption> describe(Settings settings) { return options; }
    }

    @Test
    void anHttpServerAddressFromTheEnvironmentNamesTheVariableItCameFromNotJustEnvironment() {
        String portOnly = RoutesReport.route(new EnvRoute(List.of(new RouteOption("server", "127.0.0.1:9090",
                Origin.ENVIRONMENT, List.of("ASYNCWORKER_HTTP_PORT")))), Settings.from(Map.of()));
        String both = RoutesReport.route(new EnvRoute(List.of(new RouteOption("server", "127.0.0.1:9090",
                Origin.ENVIRONMENT, List.of("ASYNCWORKER_HTTP_HOST", "ASYNCWORKER_HTTP_PORT")))), Settings.from(Map.of()));
        assertThat(portOnly).containsPattern("server +127.0.0.1:9090 +ASYNCWORKER_HTTP_PORT\n");
        assertThat(both).containsPattern("server +127.0.0.1:9090 +ASYNCWORKER_HTTP_HOST \\+ ASYNCWORKER_HTTP_PORT\n");
    }

    @Test
    void anOptionFromAnUnknownVariableStillSaysEnvironment() {
        Route route = new EnvRoute(List.of(new RouteOption("mystery", "x", Origin.ENVIRONMENT)));
        assertThat(RoutesReport.route(route, Settings.from(Map.of()))).containsPattern("mystery +x +environment\n");
    }

    @Test
    void countsReadAsEnglish() {
        assertThat(RoutesReport.count(1, "route")).isEqualTo("1 route");
        assertThat(RoutesReport.count(2, "problem")).isEqualTo("2 problems");
        assertThat(RoutesReport.count(0, "route")).isEqualTo("0 routes");
    }
}

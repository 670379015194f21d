package io.asyncworker.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncworker.Action;
import io.asyncworker.Origin;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SseApiTest {

    @Test
    void routeCarriesEveryBatchOption() {
        SseRoute route = SseRoute.consume("https://feed.example/a", "/b").name("feed").bulkSize(50)
                .flushTimeout(Duration.ofSeconds(2)).onSuccess(Action.ACK).onException(Action.REJECT)
                .maxConcurrency(1).maxDeliveries(3).connection("main").lastEventId("7").handler(b -> { });

        assertThat(route.type()).isEqualTo(RouteType.SSE);
        assertThat(route.name()).isEqualTo("feed");
        assertThat(route.sources()).containsExactly("https://feed.example/a", "/b");
        assertThat(route.options().bulkSize()).isEqualTo(50);
        assertThat(route.options().onException()).isEqualTo(Action.REJECT);
        assertThat(route.options().maxConcurrency()).hasValue(1);
        assertThat(route.options().maxDeliveries()).hasValue(3);
        assertThat(route.connection().name()).contains("main");
        assertThat(route.lastEventId()).contains("7");
    }

    @Test
    void describesEffectiveOptionsWithOrigins() {
        SseRoute route = SseRoute.consume("https://feed.example/a").bulkSize(5).handler(b -> { });
        Map<String, RouteOption> opts = route.describe(Settings.from(Map.of())).stream()
                .collect(java.util.stream.Collectors.toMap(RouteOption::name, o -> o));
        assertThat(opts.get("bulkSize").origin()).isEqualTo(Origin.CODE);
        assertThat(opts.get("flushTimeout").origin()).isEqualTo(Origin.DEFAULT);
        assertThat(opts.get("streams").value()).isEqualTo("https://feed.example/a");
        assertThat(opts.get("maxConcurrency").value()).isEqualTo("1");
        assertThat(opts.get("maxConcurrency").origin()).isEqualTo(Origin.DEFAULT);
        assertThat(route.name()).isEqualTo("sse:https://feed.example/a");
    }

    @Test
    void batchesOfAStreamRunOneAtATimeUnlessSetOtherwise() {
        SseRoute byDefault = SseRoute.consume("https://feed.example/a").handler(b -> { });
        SseRoute wider = SseRoute.consume("https://feed.example/a").maxConcurrency(4).handler(b -> { });

        assertThat(byDefault.options().maxConcurrency()).hasValue(1);
        assertThat(wider.options().maxConcurrency()).hasValue(4);
        RouteOption described = wider.describe(Settings.from(Map.of())).stream()
                .filter(o -> o.name().equals("maxConcurrency")).findFirst().orElseThrow();
        assertThat(described).isEqualTo(new RouteOption("maxConcurrency", "4", Origin.CODE));
    }

    @Test
    void routeBuilderRejectsBadArgumentsAtOnce() {
        assertThatThrownBy(SseRoute::consume).hasMessageContaining("urlsOrPaths");
        assertThatThrownBy(() -> SseRoute.consume(" ")).hasMessageContaining("urlOrPath");
        assertThatThrownBy(() -> SseRoute.consume("ftp://x/y")).hasMessageContaining("urlOrPath");
        assertThatThrownBy(() -> SseRoute.consume("http:///nohost")).hasMessageContaining("urlOrPath");
        assertThatThrownBy(() -> SseRoute.consume("/a", "/a")).hasMessageContaining("twice");
        assertThatThrownBy(() -> SseRoute.consume("/a").bulkSize(0)).hasMessageContaining("bulkSize");
        assertThatThrownBy(() -> SseRoute.consume("/a").flushTimeout(Duration.ZERO)).hasMessageContaining("flushTimeout");
        assertThatThrownBy(() -> SseRoute.consume("/a").maxConcurrency(0)).hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> SseRoute.consume("/a").header("Bad Name", "v")).hasMessageContaining("header");
        assertThatThrownBy(() -> SseRoute.consume("/a").header("X", "a\r\nb")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SseRoute.consume("/a").lastEventId("a\nb")).hasMessageContaining("lastEventId");
        assertThatThrownBy(() -> SseRoute.consume("/a").name(" ")).hasMessageContaining("name");
        assertThatThrownBy(() -> SseRoute.consume("/a").handler(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SseRoute.consume("/a").maxEventSize(1023)).hasMessageContaining("maxEventSize");
        assertThatThrownBy(() -> SseRoute.consume("/a").maxEventSize((1 << 30) + 1)).hasMessageContaining("maxEventSize");
        assertThatThrownBy(() -> SseRoute.consume("/a").maxEventSize(Integer.MIN_VALUE)).hasMessageContaining("maxEventSize");
    }

    @Test
    void maxEventSizeComesFromTheSettingUnlessSetInCode() {
        Settings small = Settings.from(Map.of("ASYNCWORKER_SSE_MAX_EVENT_SIZE", "64KiB"));
        SseRoute byDefault = SseRoute.consume("https://feed.example/a").handler(b -> { });
        SseRoute inCode = SseRoute.consume("https://feed.example/a").maxEventSize(2048).handler(b -> { });

        assertThat(byDefault.maxEventSize(Settings.from(Map.of()))).isEqualTo(4 * 1024 * 1024);
        assertThat(byDefault.maxEventSize(small)).isEqualTo(64 * 1024);
        assertThat(inCode.maxEventSize(small)).isEqualTo(2048);
        RouteOption described = byDefault.describe(small).stream().filter(o -> o.name().equals("maxEventSize"))
                .findFirst().orElseThrow();
        assertThat(described.value()).isEqualTo("65536 bytes");
        assertThat(described.origin()).isEqualTo(Origin.ENVIRONMENT);
        assertThat(described.variables()).containsExactly("ASYNCWORKER_SSE_MAX_EVENT_SIZE");
    }

    @Test
    void maxEventSizeSettingAcceptsSizesAndRejectsTheRest() {
        assertThat(Settings.from(Map.of("ASYNCWORKER_SSE_MAX_EVENT_SIZE", "65536")).get(SseSettings.MAX_EVENT_SIZE))
                .isEqualTo(65536);
        assertThat(Settings.from(Map.of("ASYNCWORKER_SSE_MAX_EVENT_SIZE", "16 MiB")).get(SseSettings.MAX_EVENT_SIZE))
                .isEqualTo(16 * 1024 * 1024);
        assertThat(Settings.from(Map.of("ASYNCWORKER_SSE_MAX_EVENT_SIZE", "1024mib")).get(SseSettings.MAX_EVENT_SIZE))
                .isEqualTo(1 << 30);
        for (String bad : new String[] {"1023", "1025MiB", "4MB", "-1", "lots", "99999999999999"}) {
            assertThatThrownBy(() -> Settings.from(Map.of("ASYNCWORKER_SSE_MAX_EVENT_SIZE", bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ASYNCWORKER_SSE_MAX_EVENT_SIZE").hasMessageContaining("64KiB");
        }
    }

    @Test
    void carriesTheRequestShapeAndListener() {
        byte[] query = {'{', '}'};
        SseListener listener = new SseListener() { };
        SseRoute route = SseRoute.consume("https://feed.example/a").method("REPORT").body(query, "application/json")
                .listener(listener).comments(true).handler(b -> { });
        query[0] = 'x';

        assertThat(route.method()).isEqualTo("REPORT");
        assertThat(route.body()).hasValueSatisfying(b -> assertThat(b).containsExactly('{', '}'));
        assertThat(route.contentType()).contains("application/json");
        assertThat(route.listener()).containsSame(listener);
        assertThat(route.comments()).isTrue();
        Map<String, RouteOption> opts = route.describe(Settings.from(Map.of())).stream()
                .collect(java.util.stream.Collectors.toMap(RouteOption::name, o -> o));
        assertThat(opts.get("request").value()).isEqualTo("REPORT with a 2 byte application/json body");
        assertThat(opts.get("listener").value()).isEqualTo("set, with comments");

        SseRoute plain = SseRoute.consume("https://feed.example/a").handler(b -> { });
        assertThat(plain.method()).isEqualTo("GET");
        assertThat(plain.body()).isEmpty();
        assertThat(plain.listener()).isEmpty();
        assertThat(plain.comments()).isFalse();
    }

    @Test
    void requestOptionsAreCheckedAtOnceAndTogetherAtBuild() {
        assertThatThrownBy(() -> SseRoute.consume("/a").method("HEAD")).hasMessageContaining("method HEAD");
        assertThatThrownBy(() -> SseRoute.consume("/a").method("CONNECT")).hasMessageContaining("method CONNECT");
        assertThatThrownBy(() -> SseRoute.consume("/a").method("GET /x")).hasMessageContaining("method");
        assertThatThrownBy(() -> SseRoute.consume("/a").method("")).hasMessageContaining("method");
        assertThatThrownBy(() -> SseRoute.consume("/a").body(new byte[0], " ")).hasMessageContaining("contentType");
        assertThatThrownBy(() -> SseRoute.consume("/a").body(new byte[0], "a/b\r\nX: y")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SseRoute.consume("/a").body(null, "a/b")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SseRoute.consume("/a").listener(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SseRoute.consume("/a").body(new byte[1], "a/b").handler(b -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("body needs a method other than GET");
        assertThatThrownBy(() -> SseRoute.consume("/a").comments(true).handler(b -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comments(true) needs a listener");
    }

    @Test
    void connectionBuilderRejectsBadArgumentsAtOnce() {
        assertThatThrownBy(() -> SseConnection.builder().baseUrl("feed.example")).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> SseConnection.builder().readIdleTimeout(Duration.ZERO)).hasMessageContaining("readIdleTimeout");
        assertThatThrownBy(() -> SseConnection.builder().connectTimeout(Duration.ofSeconds(-1))).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> SseConnection.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoff max");
        assertThatThrownBy(() -> SseConnection.builder().basicAuth("a:b", "c")).hasMessageContaining("basicAuth");
        assertThatThrownBy(() -> SseConnection.builder().bearerToken(" ")).hasMessageContaining("bearerToken");
    }

    @Test
    void connectionKeepsCredentialsOutOfItsString() {
        SseConnection c = SseConnection.builder().name("feed").baseUrl("https://feed.example").basicAuth("u", "p")
                .header("X-Key", "k").build();
        assertThat(c.authorization()).contains("Basic dTpw");
        assertThat(c.type()).isEqualTo(RouteType.SSE);
        assertThat(c.toString()).contains("feed").contains("Basic").doesNotContain("dTpw");
        assertThat(c.headers()).containsEntry("X-Key", "k");
        assertThat(SseConnection.to("http://h").baseUrl()).contains("http://h");
        assertThat(SseConnection.builder().bearerToken("t").build().authorization()).contains("Bearer t");
    }
}

package io.asyncworker.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import io.asyncworker.Settings;
import io.asyncworker.http.HttpAddress;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.http.Response;
import io.asyncworker.observation.AsyncWorkerObservations;
import io.asyncworker.rabbitmq.AmqpConnection;
import io.asyncworker.rabbitmq.PublishOptions;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The key values of the HTTP request and publish observations (SPEC §16), as any observation handler
 * sees them: the low-cardinality ones (fit for metric tags) apart from the per-request and per-message ones.
 */
class ObservationKeysIT {
    @RegisterExtension
    final TracedApps apps = new TracedApps();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private App app;

    @AfterEach
    void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    private ObservationRegistry recording() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        return registry;
    }

    @Test
    void aRequestThatPublishesIsObservedWithItsRouteMethodAndStatusAndThePublishWithItsExchangeAndResult()
            throws Exception {
        String q = apps.queue();
        AmqpConnection rabbit = apps.rabbit();
        app = App.builder().settings(Settings.from(Map.of("ASYNCWORKER_HTTP_PORT", "0"))).observations(recording()).build();
        app.connection(rabbit).route(HttpRoute.post("/orders/{id}", req -> {
            rabbit.publish("", q, "order " + req.pathParam("id"), PublishOptions.builder().messageId("m-42").build());
            return Response.status(202);
        }));
        app.start();

        assertThat(post("/orders/42").statusCode()).isEqualTo(202);
        Observation.Context http = stoppedOne(AsyncWorkerObservations.HTTP);
        assertThat(keys(http.getLowCardinalityKeyValues())).containsOnly(Map.entry("route", "POST /orders/{id}"),
                Map.entry("method", "POST"), Map.entry("status", "202"));
        assertThat(keys(http.getHighCardinalityKeyValues())).containsOnly(Map.entry("path", "/orders/42"));
        Observation.Context publish = stoppedOne(AsyncWorkerObservations.PUBLISH);
        assertThat(keys(publish.getLowCardinalityKeyValues())).containsOnly(Map.entry("exchange", "default"),
                Map.entry("result", "success"));
        assertThat(keys(publish.getHighCardinalityKeyValues())).containsOnly(Map.entry("routing.key", q),
                Map.entry("message.id", "m-42"));
    }

    /** The one observation of that name, once stopped. */
    private Observation.Context stoppedOne(String name) {
        await().atMost(Duration.ofSeconds(5)).until(() -> stopped.stream().anyMatch(c -> name.equals(c.getName())));
        assertThat(stopped).filteredOn(c -> name.equals(c.getName())).hasSize(1);
        return stopped.stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow();
    }

    private static Map<String, String> keys(KeyValues values) {
        return StreamSupport.stream(values.spliterator(), false)
                .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    private HttpResponse<String> post(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(HttpAddress.of(app).orElseThrow().uri().resolve(path))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

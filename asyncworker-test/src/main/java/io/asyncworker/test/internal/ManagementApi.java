package io.asyncworker.test.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Vhosts through RabbitMQ's HTTP management API ({@code rabbitmq_management}): {@code PUT} and
 * {@code DELETE /api/vhosts/{vhost}}, {@code PUT /api/permissions/{vhost}/{user}}. Needs a user tagged
 * {@code administrator}.
 */
final class ManagementApi implements VhostAdmin {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private ManagementApi(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The API at {@code base} when it answers and the user may create vhosts.
     *
     * @param base e.g. {@code http://127.0.0.1:15672}
     */
    static Optional<VhostAdmin> probe(URI base, String user, String password) {
        ManagementApi api = new ManagementApi(base, user, password);
        try {
            HttpResponse<String> me = api.send("GET", "/api/whoami", null);
            return me.statusCode() == 200 && me.body().contains("administrator") ? Optional.of(api) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public void create(String vhost, String user) {
        expect(send("PUT", "/api/vhosts/" + BrokerUrl.segment(vhost), ""), "create vhost " + vhost, 201, 204);
        expect(send("PUT", "/api/permissions/" + BrokerUrl.segment(vhost) + "/" + BrokerUrl.segment(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"), "give " + user + " permissions on " + vhost, 201, 204);
    }

    @Override
    public void delete(String vhost) {
        expect(send("DELETE", "/api/vhosts/" + BrokerUrl.segment(vhost), null), "delete vhost " + vhost, 204, 404);
    }

    @Override
    public boolean exists(String vhost) {
        return expect(send("GET", "/api/vhosts/" + BrokerUrl.segment(vhost), null), "look up vhost " + vhost, 200, 404) == 200;
    }

    @Override
    public String describe() {
        return "the management API at " + base;
    }

    private HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base.resolve(path) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + base.resolve(path), e);
        }
    }

    /** The response's status when it is one of {@code ok}. */
    private static int expect(HttpResponse<String> response, String what, int... ok) {
        for (int status : ok) {
            if (response.statusCode() == status) {
                return status;
            }
        }
        throw new IllegalStateException("the management API could not " + what + ": HTTP " + response.statusCode()
                + " " + response.body());
    }
}

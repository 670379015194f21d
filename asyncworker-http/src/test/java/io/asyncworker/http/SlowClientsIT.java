package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections without finishing requests: slowloris heads trickling a byte at a
 * time, silent connections, idle keep-alive connections, trickled bodies, and more connections than
 * allowed. Vert.x and Netty would keep all of them open forever; here each is closed within its
 * timeout (short real settings, waited for with Awaitility) and counted, while a handler slower than
 * every timeout still answers.
 */
class SlowClientsIT {
    private static final Map<String, String> SHORT_TIMEOUTS = Map.of(
            HttpSettings.HEADER_TIMEOUT.name(), "300ms",
            HttpSettings.REQUEST_TIMEOUT.name(), "600ms",
            HttpSettings.IDLE_TIMEOUT.name(), "400ms");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<RawClient> clients = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
    private TestServer server;

    @AfterEach
    void closeAll() throws Exception {
        trickle.shutdownNow();
        for (RawClient c : clients) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(Map<String, String> settings) {
        server = TestServer.start(settings, app -> { },
                HttpRoute.get("/items/{id}", req -> Response.text("item " + req.pathParam("id"))),
                HttpRoute.post("/echo", req -> Response.text("echo " + req.bodyAsString())),
                HttpRoute.get("/slow", req -> {
                    Thread.sleep(1500); // longer than every timeout: the handler's time is not limited
                    return Response.text("done");
                }));
        return server;
    }

    private RawClient connect() throws Exception {
        RawClient client = RawClient.connect(server);
        clients.add(client);
        return client;
    }

    /** What a test does with each new connection. */
    @FunctionalInterface
    private interface Opening {
        void open(int index, RawClient client) throws Exception;
    }

    private List<RawClient> connections(int count, Opening opening) throws Exception {
        List<RawClient> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RawClient client = connect();
            opening.open(i, client);
            opened.add(client);
        }
        return opened;
    }

    private static void awaitAllClosed(List<RawClient> connections) {
        await().atMost(WAIT).until(() -> connections.stream().allMatch(RawClient::isClosedByServer));
    }

    @Test
    void slowlorisHeadsAreClosedWithinTheHeaderTimeoutThoughTheyKeepSendingBytes() throws Exception {
        start(SHORT_TIMEOUTS);
        List<RawClient> slow = connections(20, (i, client) -> client.send("GET /items/1 HTTP/1.1\r\nHost: x\r\n"));
        // one more header byte every 50 ms on each: the connections are never quiet for long
        trickle.scheduleAtFixedRate(() -> slow.forEach(c -> c.send("X")), 50, 50, TimeUnit.MILLISECONDS);
        awaitAllClosed(slow);
        assertClosedCount("header_timeout", 20);
        assertThat(server.get("/items/2").body()).as("the server still serves").isEqualTo("item 2");
    }

    @Test
    void silentConnectionsAreClosedWithinTheHeaderTimeout() throws Exception {
        start(SHORT_TIMEOUTS);
        awaitAllClosed(connections(20, (i, client) -> { }));
        assertClosedCount("header_timeout", 20);
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        start(SHORT_TIMEOUTS);
        awaitAllClosed(connections(20, (i, client) -> {
            client.send("GET /items/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.readResponse(WAIT)).endsWith("item " + i);
        }));
        assertClosedCount("idle_timeout", 20);
    }

    @Test
    void aBodyTricklingPastTheRequestTimeoutIsClosed() throws Exception {
        start(SHORT_TIMEOUTS);
        RawClient client = connect();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
        trickle.scheduleAtFixedRate(() -> client.send("a"), 50, 50, TimeUnit.MILLISECONDS);
        await().atMost(WAIT).until(client::isClosedByServer);
        assertClosedCount("request_timeout", 1);
    }

    @Test
    void aHandlerSlowerThanEveryTimeoutStillAnswersOnAKeptAliveConnection() throws Exception {
        start(SHORT_TIMEOUTS);
        RawClient client = connect();
        client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(client.readResponse(WAIT)).startsWith("HTTP/1.1 200").endsWith("done");
        client.send("GET /items/7 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(client.readResponse(WAIT)).endsWith("item 7");
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndCounted() throws Exception {
        start(Map.of(HttpSettings.MAX_CONNECTIONS.name(), "5"));
        List<RawClient> allowed = connections(5, (i, client) -> { });
        await().atMost(WAIT).until(() -> openConnections() == 5);
        RawClient refused = connect();
        assertThat(refused.readUntilClosed(WAIT)).as("closed without an answer").isEmpty();
        assertClosedCount("limit", 1);

        allowed.getFirst().close();
        await().atMost(WAIT).until(() -> openConnections() == 4);
        RawClient next = connect();
        next.send("GET /items/9 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(next.readResponse(WAIT)).endsWith("item 9");
        for (RawClient client : allowed.subList(1, 5)) {
            client.send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.readResponse(WAIT)).as("the connections under the limit are served").endsWith("item 1");
        }
    }

    private double openConnections() {
        return server.app.meters().get("asyncworker.http.server.connections").gauge().value();
    }

    private void assertClosedCount(String reason, int count) {
        await().atMost(WAIT).untilAsserted(() -> {
            var counter = server.app.meters().find("asyncworker.http.server.connections.closed").tag("reason", reason).counter();
            assertThat(counter).isNotNull();
            assertThat(counter.count()).isEqualTo(count);
        });
    }
}

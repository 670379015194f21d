package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Async handlers whose stage completes on an I/O thread still encode their body off it. */
class AsyncHandlerIT {

    /** Jackson calls the getter while encoding, so it sees the encoding thread. */
    public static final class Probe {
        static final AtomicReference<Thread> ENCODED_ON = new AtomicReference<>();

        public String getValue() {
            ENCODED_ON.set(Thread.currentThread());
            return "probed";
        }
    }

    @Test
    void encodesTheResponseOffTheEventLoopThatCompletedTheStage() throws Exception {
        Vertx other = Vertx.vertx();
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        HttpRoute route = HttpRoute.async(HttpMethod.GET, "/probe", req -> {
            CompletableFuture<Response> answer = new CompletableFuture<>();
            other.setTimer(20, id -> {
                completedOn.set(Thread.currentThread());
                answer.complete(Response.json(new Probe()));
            });
            return answer;
        });
        try (TestServer server = TestServer.start(route)) {
            assertThat(server.get("/probe").body()).isEqualTo("{\"value\":\"probed\"}");
            assertThat(completedOn.get().getName()).startsWith("vert.x-eventloop");
            assertThat(Probe.ENCODED_ON.get().isVirtual()).isTrue();
        } finally {
            other.close().await();
        }
    }
}

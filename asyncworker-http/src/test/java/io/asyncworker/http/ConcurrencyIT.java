package io.asyncworker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Blocking handlers run on virtual threads of their own and do not wait for each other. */
class ConcurrencyIT {

    @Test
    void hundredSleepingHandlersFinishInAboutOneSleep() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        HttpRoute slow = HttpRoute.get("/slow/{n}", req -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(200);
            running.decrementAndGet();
            return Response.text(req.pathParam("n"));
        });
        try (TestServer server = TestServer.start(slow)) {
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(TestServer.CLIENT.sendAsync(HttpRequest.newBuilder(server.uri("/slow/" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> r = calls.get(i).join();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(Integer.toString(i));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            // Serially this would take 20 s; the bound leaves room for a loaded CI machine.
            assertThat(millis).as("100 x 200 ms handlers took %d ms", millis).isLessThan(6_000);
            assertThat(peak.get()).as("handlers running at once").isGreaterThanOrEqualTo(50);
        }
    }
}

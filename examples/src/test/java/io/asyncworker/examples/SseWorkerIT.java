package io.asyncworker.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncworker.App;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SseWorkerIT {

    @Test
    void consumesItsOwnDemoStreamInBatchesAndClosesTheServerAtStop() throws Exception {
        int port = freePort();
        try (Example example = new Example()) {
            example.set("EXAMPLE_SSE_PORT", String.valueOf(port));
            App app = example.start(SseWorker::app);
            assertThat(app.routes()).singleElement().satisfies(r -> assertThat(r.sources())
                    .containsExactly("http://127.0.0.1:" + port + "/ticks"));

            await().atMost(Duration.ofSeconds(10)).until(() -> app.get(SseWorker.TICKS).sum() >= 15);
            app.stop();
            long handled = app.get(SseWorker.TICKS).sum();
            assertThatThrownBy(() -> Http.get(URI.create("http://127.0.0.1:" + port + "/ticks")))
                    .as("the demo stream server is closed by the shutdown hook").isInstanceOf(IOException.class);
            assertThat(app.get(SseWorker.TICKS).sum()).isEqualTo(handled);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

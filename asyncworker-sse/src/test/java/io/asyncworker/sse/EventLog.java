package io.asyncworker.sse;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A server-side stream of events {@code 1..total} that honours {@code Last-Event-ID} and, to
 * inject faults, drops the connection after every {@code perConnection} events.
 */
final class EventLog {
    private final int total;
    private final int perConnection;
    private final boolean endAfterAll;

    EventLog(int total, int perConnection, boolean endAfterAll) {
        this.total = total;
        this.perConnection = perConnection;
        this.endAfterAll = endAfterAll;
    }

    void serve(HttpServerRequest req) {
        String last = req.getHeader("Last-Event-ID");
        int from = last == null ? 1 : Integer.parseInt(last) + 1;
        HttpServerResponse resp = SseTestServer.open(req);
        int sent = 0;
        StringBuilder out = new StringBuilder(": hello\n\n");
        for (int i = from; i <= total && sent < perConnection; i++, sent++) {
            out.append(SseTestServer.event(String.valueOf(i), "{\"n\":" + i + "}"));
        }
        boolean more = from + sent <= total;
        resp.write(out.toString()).onComplete(v -> {
            if (more) {
                req.connection().close(); // drop mid-stream, no clean end
            } else if (endAfterAll) {
                resp.end();
            }
        });
    }
}

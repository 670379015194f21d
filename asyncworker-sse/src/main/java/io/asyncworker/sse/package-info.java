/**
 * The SSE backend: batched consumption of remote Server-Sent-Events streams that resumes with
 * {@code Last-Event-ID} from the last event a handler finished.
 *
 * <pre>{@code
 * App app = App.create();
 * app.connection(SseConnection.builder()
 *         .baseUrl("https://feed.example/api")
 *         .basicAuth("worker", System.getenv("FEED_PASSWORD"))
 *         .readIdleTimeout(Duration.ofSeconds(60))
 *         .build());
 * app.route(SseRoute.consume("/prices", "/trades")
 *         .bulkSize(500)
 *         .flushTimeout(Duration.ofSeconds(2))
 *         .handler(events -> store(events.stream().map(e -> e.body(Price.class)).toList())));
 * app.run();
 * }</pre>
 *
 * <h2>Threading</h2>
 * A private Vert.x event loop reads and parses each stream and feeds the route's bucket; handlers
 * run on virtual threads and may block. Builders are not thread-safe; what they build is immutable.
 *
 * <h2>Delivery</h2>
 * A handler that returns lets the stream's resume point pass its events (ACK). A handler that
 * throws gets the route's {@code onException}: {@code REQUEUE} (default) reconnects and resumes
 * from the last finished event, so the server sends the failed events again; {@code REJECT} drops
 * them and the stream goes on. A lost, ended or silent stream is reopened with exponential backoff
 * and jitter, honouring the server's {@code retry:}; a {@code 204 No Content} ends it for good.
 * Batches of a route run one at a time by default, in stream order.
 *
 * <h2>Watching a stream</h2>
 * An {@link io.asyncworker.sse.SseListener} given to {@code SseRoute...listener(...)} hears each
 * stream open, close and fail (and its comments, with {@code comments(true)}), on virtual threads;
 * the {@link io.asyncworker.sse.SseStreamControl} it gets can restart the stream. Hostile input is
 * bounded: a line or event over {@link io.asyncworker.sse.SseSettings#MAX_EVENT_SIZE} drops the
 * connection, and a server closing at once with {@code retry: 0} meets a growing delay.
 */
package io.asyncworker.sse;

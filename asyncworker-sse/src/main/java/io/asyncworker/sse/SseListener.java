package io.asyncworker.sse;

/**
 * Hears how each stream of an SSE route fares: when a connection opens, closes or fails, and
 * (with {@link SseRoute.Builder#comments(boolean) comments(true)}) the server's comment lines.
 * Events themselves go to the route's handler. Every method has an empty default; override those
 * you need.
 *
 * <pre>{@code
 * SseRoute.consume("https://feed.example/prices")
 *         .comments(true)
 *         .listener(new SseListener() {
 *             public void onError(SseStreamControl stream, String reason) { alerts.raise(stream.url(), reason); }
 *             public void onComment(SseStreamControl stream, String comment) { heartbeat.touch(); }
 *         })
 *         .handler(events -> store(events));
 * }</pre>
 *
 * <p><b>Threading.</b> Called on virtual threads, never on the HTTP client's event loop, so it may
 * block. Calls about one stream come one at a time and in the order things happened; calls about
 * different streams may overlap. A slow listener delays only its own later calls, never reading;
 * while more than 1,000 calls of one stream wait, further comments are dropped (and logged). A
 * method that throws is logged and the stream goes on.
 */
public interface SseListener {

    /**
     * A connection opened: the server answered {@code 200} with {@code text/event-stream}.
     *
     * @param stream the stream, which can be restarted through it
     * @throws Exception anything; it is logged and the stream goes on
     */
    default void onOpen(SseStreamControl stream) throws Exception {
    }

    /**
     * An open connection ended, for any reason: the server closed it, it was lost or fell silent,
     * it sent an oversized event, a batch was requeued, {@link SseStreamControl#restart()}, or the
     * app stopped. Also called when the server ends the stream for good with {@code 204 No Content}.
     * The stream reconnects unless it ended for good or the app stopped.
     *
     * @param reason what happened, in words, e.g. {@code the server closed the stream}
     * @param stream the stream, which can be restarted through it
     * @throws Exception anything; it is logged and the stream goes on
     */
    default void onClosed(SseStreamControl stream, String reason) throws Exception {
    }

    /**
     * Something went wrong: an attempt failed before the stream opened (an HTTP error status, a
     * wrong content type, a refused connection, too many redirects), or an open connection failed
     * (lost, read-idle timeout, oversized event; then {@code onClosed} follows). The stream retries
     * with backoff.
     *
     * @param reason what went wrong, in words, e.g. {@code HTTP 503 Service Unavailable from https://...}
     * @param stream the stream, which can be restarted through it
     * @throws Exception anything; it is logged and the stream goes on
     */
    default void onError(SseStreamControl stream, String reason) throws Exception {
    }

    /**
     * A comment line of the stream (a line starting with {@code :}), its text after the colon
     * with one leading space stripped. Called only for routes built with
     * {@link SseRoute.Builder#comments(boolean) comments(true)}.
     *
     * @param stream the stream, which can be restarted through it
     * @param comment the comment's text
     * @throws Exception anything; it is logged and the stream goes on
     */
    default void onComment(SseStreamControl stream, String comment) throws Exception {
    }
}

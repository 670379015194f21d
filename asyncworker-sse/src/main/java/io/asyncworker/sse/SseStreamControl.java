package io.asyncworker.sse;

import java.util.Optional;

/**
 * One stream of an SSE route, as its {@link SseListener} sees it: where it reads from, where it
 * would resume, and a way to make it reconnect now. Every listener call hands it over; keep it to
 * restart the stream later, e.g. from an admin endpoint.
 *
 * <pre>{@code
 * AtomicReference<SseStreamControl> feed = new AtomicReference<>();
 * app.route(SseRoute.consume("https://feed.example/prices")
 *         .listener(new SseListener() {
 *             public void onOpen(SseStreamControl stream) { feed.set(stream); }
 *         })
 *         .handler(events -> ...));
 * ...
 * feed.get().restart();   // e.g. after rotating the feed's credentials on the server
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread, at any time, also after the app
 * stopped (then {@link #restart()} does nothing).
 */
public interface SseStreamControl {

    /** {@return the name of the route the stream belongs to} */
    String route();

    /** {@return the stream's URL, as the route resolved it (before redirects)} */
    String url();

    /**
     * The {@code Last-Event-ID} the next connection sends: the id of the last event whose batch
     * finished (or the route's {@code lastEventId}); empty when there is none yet.
     *
     * @return the id, or empty
     */
    Optional<String> lastEventId();

    /**
     * Closes the current connection, if any, and reconnects at once (without a backoff delay),
     * resuming from the last finished event. Like every reconnect it first waits until the events
     * already delivered are settled. A stream the server ended with {@code 204 No Content} is
     * opened again. Returns at once; the listener hears {@code onClosed} and then {@code onOpen}.
     */
    void restart();
}

package io.asyncworker.sse.internal;

/**
 * One dispatched event of an event stream, as the WHATWG rules define it.
 *
 * @param type        the event type, {@code message} when the stream named none
 * @param data        the data lines joined with {@code \n}
 * @param lastEventId the stream's last event ID when the event was dispatched; it persists from
 *                    earlier events, empty when none was set
 */
public record SseEvent(String type, String data, String lastEventId) {
}

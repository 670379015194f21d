package io.asyncworker.sse.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The WHATWG event-stream interpretation: fields {@code event}, {@code data}, {@code id},
 * {@code retry}; comments; unknown fields ignored; one space after the colon stripped; dispatch
 * on a blank line; an event with no data is not dispatched (its {@code id} still counts); the
 * incomplete event at the end of the stream is discarded. Bytes may arrive in any chunks.
 *
 * <p>Not thread-safe: one connection's reader feeds it; the listener runs on that thread.
 */
public final class EventStreamParser {

    /** Receives what the stream says, on the feeding thread. */
    public interface Listener {
        /** A dispatched event. */
        void onEvent(SseEvent event);

        /** A {@code retry} field: the new reconnection time in milliseconds. */
        default void onRetry(long millis) {
        }

        /** A dispatch point without data that changed the stream's last event ID. */
        default void onLastEventId(String lastEventId) {
        }
    }

    private final Listener listener;
    private final LineSplitter lines = new LineSplitter(this::line);
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventIdBuffer;
    private String lastEventId;

    /**
     * @param listener         receives events
     * @param initialLastEventId the last event ID the stream resumes from, empty for none
     */
    public EventStreamParser(Listener listener, String initialLastEventId) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lastEventIdBuffer = Objects.requireNonNull(initialLastEventId, "initialLastEventId");
        this.lastEventId = initialLastEventId;
    }

    /** Feeds the next chunk. */
    public void feed(byte[] buf, int off, int len) {
        lines.feed(buf, off, len);
    }

    /** Feeds the next chunk. */
    public void feed(byte[] buf) {
        lines.feed(buf, 0, buf.length);
    }

    /** The stream ended: the pending, undispatched event is discarded. */
    public void end() {
        lines.reset();
        data.setLength(0);
        eventType = "";
    }

    /** The last event ID as of the last dispatch point. */
    public String lastEventId() {
        return lastEventId;
    }

    private void line(byte[] b, int off, int len) {
        if (len == 0) {
            dispatch();
            return;
        }
        if (b[off] == ':') {
            return;
        }
        int end = off + len;
        int colon = indexOfColon(b, off, end);
        int nameEnd = colon < 0 ? end : colon;
        int valueStart = colon < 0 ? end : colon + 1;
        if (valueStart < end && b[valueStart] == ' ') {
            valueStart++;
        }
        field(b, off, nameEnd - off, valueStart, end - valueStart);
    }

    private static int indexOfColon(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private void field(byte[] b, int nameOff, int nameLen, int valueOff, int valueLen) {
        if (is(b, nameOff, nameLen, "data")) {
            data.append(decode(b, valueOff, valueLen)).append('\n');
        } else if (is(b, nameOff, nameLen, "event")) {
            eventType = decode(b, valueOff, valueLen);
        } else if (is(b, nameOff, nameLen, "id")) {
            if (!contains(b, valueOff, valueLen, (byte) 0)) {
                lastEventIdBuffer = decode(b, valueOff, valueLen);
            }
        } else if (is(b, nameOff, nameLen, "retry")) {
            retry(b, valueOff, valueLen);
        }
    }

    private void retry(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        long millis = 0;
        for (int i = off; i < off + len; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return;
            }
            int digit = b[i] - '0';
            millis = millis > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : millis * 10 + digit;
        }
        listener.onRetry(millis);
    }

    private void dispatch() {
        String id = lastEventIdBuffer;
        if (data.isEmpty()) {
            eventType = "";
            if (!id.equals(lastEventId)) {
                lastEventId = id;
                listener.onLastEventId(id);
            }
            return;
        }
        lastEventId = id;
        data.setLength(data.length() - 1); // the last data line's LF
        String type = eventType.isEmpty() ? "message" : eventType;
        SseEvent event = new SseEvent(type, data.toString(), id);
        data.setLength(0);
        eventType = "";
        listener.onEvent(event);
    }

    private static boolean is(byte[] b, int off, int len, String name) {
        if (len != name.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int off, int len, byte value) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static String decode(byte[] b, int off, int len) {
        return len == 0 ? "" : new String(b, off, len, StandardCharsets.UTF_8);
    }
}

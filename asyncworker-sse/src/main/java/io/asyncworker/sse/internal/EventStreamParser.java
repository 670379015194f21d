package io.asyncworker.sse.internal;

import io.asyncworker.sse.SseSettings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The WHATWG event-stream interpretation: fields {@code event}, {@code data}, {@code id},
 * {@code retry}; comments; unknown fields ignored; one space after the colon stripped; dispatch
 * on a blank line; an event with no data is not dispatched (its {@code id} still counts); the
 * incomplete event at the end of the stream is discarded. Bytes may arrive in any chunks.
 *
 * <p>A line longer than the maximum event size, or an event whose data (its data lines, each with
 * its line feed) grows beyond it, makes {@link #feed} throw {@link OversizedInputException}: the
 * connection must be dropped, and the parser {@linkplain #end() ended}.
 *
 * <p>Not thread-safe: one connection's reader feeds it; the listener runs on that thread.
 */
public final class EventStreamParser {

    /** Receives what the stream says, on the feeding thread. */
    public interface Listener {
        /**
         * A dispatched event, as the WHATWG rules define it.
         *
         * @param type        the event type, {@code message} when the stream named none
         * @param data        the data lines joined with {@code \n}
         * @param lastEventId the stream's last event ID when the event was dispatched; it persists
         *                    from earlier events, empty when none was set
         */
        void onEvent(String type, String data, String lastEventId);

        /** A {@code retry} field: the new reconnection time in milliseconds. */
        default void onRetry(long millis) {
        }

        /** A dispatch point without data that changed the stream's last event ID. */
        default void onLastEventId(String lastEventId) {
        }

        /**
         * A comment line: the text after the colon, one leading space stripped. Called only when
         * {@link #wantsComments()}.
         */
        default void onComment(String comment) {
        }

        /** Whether comments are decoded and reported; asked once, when the parser is made. */
        default boolean wantsComments() {
            return false;
        }
    }

    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");

    private final Listener listener;
    private final boolean comments;
    private final int maxEventSize;
    private final LineSplitter lines;
    /** The pending event's data lines as bytes, each followed by LF; decoded once at dispatch. */
    private byte[] data = new byte[256];
    private int dataLen;
    private String eventType = "";
    /** The last decoded event type and its bytes: a stream usually repeats a few types. */
    private byte[] typeBytes = new byte[0];
    private String typeString = "";
    private String lastEventIdBuffer;
    private String lastEventId;

    /**
     * A parser with the default maximum event size, {@link SseSettings#DEFAULT_MAX_EVENT_SIZE}.
     *
     * @param listener         receives events
     * @param initialLastEventId the last event ID the stream resumes from, empty for none
     */
    public EventStreamParser(Listener listener, String initialLastEventId) {
        this(listener, initialLastEventId, SseSettings.DEFAULT_MAX_EVENT_SIZE);
    }

    /**
     * @param listener           receives events
     * @param initialLastEventId the last event ID the stream resumes from, empty for none
     * @param maxEventSize       the longest line and the largest event data, in bytes
     */
    public EventStreamParser(Listener listener, String initialLastEventId, int maxEventSize) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lastEventIdBuffer = Objects.requireNonNull(initialLastEventId, "initialLastEventId");
        this.lastEventId = initialLastEventId;
        this.comments = listener.wantsComments();
        this.maxEventSize = maxEventSize;
        this.lines = new LineSplitter(this::line, maxEventSize);
    }

    /**
     * Feeds the next chunk.
     *
     * @throws OversizedInputException when a line or an event is larger than the maximum
     */
    public void feed(byte[] buf, int off, int len) {
        lines.feed(buf, off, len);
    }

    /**
     * Feeds the next chunk.
     *
     * @throws OversizedInputException when a line or an event is larger than the maximum
     */
    public void feed(byte[] buf) {
        lines.feed(buf, 0, buf.length);
    }

    /** The stream ended: the pending, undispatched event is discarded. */
    public void end() {
        lines.reset();
        dataLen = 0;
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
            if (comments) {
                int start = len > 1 && b[off + 1] == ' ' ? off + 2 : off + 1;
                listener.onComment(decode(b, start, off + len - start));
            }
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
        switch (nameLen) {
            case 4 -> {
                if (is(b, nameOff, DATA)) {
                    appendData(b, valueOff, valueLen);
                }
            }
            case 5 -> {
                if (is(b, nameOff, EVENT)) {
                    eventType = eventType(b, valueOff, valueLen);
                } else if (is(b, nameOff, RETRY)) {
                    retry(b, valueOff, valueLen);
                }
            }
            case 2 -> {
                if (is(b, nameOff, ID) && !contains(b, valueOff, valueLen, (byte) 0)) {
                    lastEventIdBuffer = decode(b, valueOff, valueLen);
                }
            }
            default -> { } // an unknown field is ignored
        }
    }

    private void appendData(byte[] b, int off, int len) {
        int needed = dataLen + len + 1;
        if (needed > maxEventSize || needed < 0) {
            throw new OversizedInputException("an event larger than " + maxEventSize + " bytes");
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
        }
        System.arraycopy(b, off, data, dataLen, len);
        dataLen += len;
        data[dataLen++] = '\n';
    }

    /** Decodes an event type, reusing the last one when the bytes repeat. */
    private String eventType(byte[] b, int off, int len) {
        if (!Arrays.equals(b, off, off + len, typeBytes, 0, typeBytes.length)) {
            typeBytes = Arrays.copyOfRange(b, off, off + len);
            typeString = decode(b, off, len);
        }
        return typeString;
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
        if (dataLen == 0) {
            eventType = "";
            if (!id.equals(lastEventId)) {
                lastEventId = id;
                listener.onLastEventId(id);
            }
            return;
        }
        lastEventId = id;
        // one decode of all lines equals decoding each line: LF never occurs inside a UTF-8 sequence
        String text = decode(data, 0, dataLen - 1); // without the last data line's LF
        String type = eventType.isEmpty() ? "message" : eventType;
        dataLen = 0;
        eventType = "";
        listener.onEvent(type, text, id);
    }

    /** Whether the field name at {@code off} is {@code name}; the caller checked the length. */
    private static boolean is(byte[] b, int off, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (b[off + i] != name[i]) {
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String decode(byte[] b, int off, int len) {
        return len == 0 ? "" : new String(b, off, len, StandardCharsets.UTF_8);
    }
}

package io.asyncworker.sse.internal;

import java.util.Locale;

/** How a stream request's response is read: which statuses and content types open a stream. */
final class StreamStatus {
    private StreamStatus() {
    }

    /** Whether the content type is {@code text/event-stream}, parameters such as charset aside. */
    static boolean isEventStream(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return mime.toLowerCase(Locale.ROOT).equals("text/event-stream");
    }

    /** Whether the status is a redirect a GET may follow. */
    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The reason a response did not open the stream, for the log and health. */
    static String describe(int status, String message, String contentType, String url) {
        if (status == 200) {
            return "wrong content type '" + contentType + "' from " + url + " (expected text/event-stream)";
        }
        return "HTTP " + status + (message == null || message.isEmpty() ? "" : " " + message) + " from " + url;
    }
}

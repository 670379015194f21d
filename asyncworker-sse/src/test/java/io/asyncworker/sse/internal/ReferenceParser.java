package io.asyncworker.sse.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A deliberately naive, whole-buffer reading of the WHATWG rules (decode everything, split on a
 * regex, interpret line by line), used as the oracle for the streaming parser.
 */
final class ReferenceParser {
    private ReferenceParser() {
    }

    static List<String> parse(byte[] stream) {
        String text = new String(stream, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Recorder out = new Recorder();
        String[] parts = text.split("\r\n|\r|\n", -1);
        // the last part is unterminated: pending data, discarded
        String data = null;
        String type = "";
        String idBuffer = "";
        String lastId = "";
        for (int i = 0; i < parts.length - 1; i++) {
            String line = parts[i];
            if (line.isEmpty()) {
                if (data == null) {
                    type = "";
                    if (!idBuffer.equals(lastId)) {
                        lastId = idBuffer;
                        out.onLastEventId(lastId);
                    }
                    continue;
                }
                lastId = idBuffer;
                out.onEvent(type.isEmpty() ? "message" : type, data, lastId);
                data = null;
                type = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "data" -> data = data == null ? value : data + "\n" + value;
                case "event" -> type = value;
                case "id" -> idBuffer = value.contains("\0") ? idBuffer : value;
                case "retry" -> {
                    if (value.matches("[0-9]+")) {
                        out.onRetry(Long.parseLong(value));
                    }
                }
                default -> { }
            }
        }
        return out.items;
    }
}

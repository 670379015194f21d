package io.asyncworker.sse.internal;

import java.util.ArrayList;
import java.util.List;

/** Records what a parser reports as readable strings, in order. */
class Recorder implements EventStreamParser.Listener {
    final List<String> items = new ArrayList<>();

    @Override
    public void onEvent(String type, String data, String lastEventId) {
        items.add("event " + type + " [" + data + "] id=" + lastEventId);
    }

    @Override
    public void onRetry(long millis) {
        items.add("retry " + millis);
    }

    @Override
    public void onLastEventId(String lastEventId) {
        items.add("lastEventId " + lastEventId);
    }

    @Override
    public void onComment(String comment) {
        items.add("comment [" + comment + "]");
    }

    static List<String> parse(byte[] stream) {
        Recorder r = new Recorder();
        EventStreamParser p = new EventStreamParser(r, "");
        p.feed(stream);
        p.end();
        return r.items;
    }
}

package io.asyncworker.cli;

import io.asyncworker.spi.ParkingLot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A parking lot in memory for the command line tests: replay moves messages to {@link #replayed}. */
final class MemoryLot implements ParkingLot {
    final String route;
    final String name;
    final List<ParkedMessage> parked = new ArrayList<>();
    final List<ParkedMessage> replayed = new ArrayList<>();

    MemoryLot(String route, String name, int messages) {
        this.route = route;
        this.name = name;
        for (int i = 1; i <= messages; i++) {
            parked.add(new ParkedMessage("m" + i, Map.of("exception", "java.lang.IllegalStateException", "attempts", "3"),
                    "{\"id\":" + i + "}"));
        }
    }

    @Override public String route() { return route; }
    @Override public String name() { return name; }
    @Override public String destination() { return "queue " + route; }
    @Override public long count() { return parked.size(); }

    @Override
    public List<ParkedMessage> list(int limit) {
        return List.copyOf(parked.subList(0, Math.min(limit, parked.size())));
    }

    @Override
    public long replay(long limit, Consumer<String> progress) {
        progress.accept("replaying");
        long n = Math.min(limit, parked.size());
        for (int i = 0; i < n; i++) {
            replayed.add(parked.remove(0));
        }
        return n;
    }

    @Override
    public long purge(long limit) {
        long n = Math.min(limit, parked.size());
        parked.subList(0, (int) n).clear();
        return n;
    }
}

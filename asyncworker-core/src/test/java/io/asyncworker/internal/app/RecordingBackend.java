package io.asyncworker.internal.app;

import io.asyncworker.ComponentHealth;
import io.asyncworker.Route;
import io.asyncworker.RouteOption;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.ParkingLot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A test-only backend that records each lifecycle call into a shared journal. */
class RecordingBackend implements BackendFactory {
    final int phase;
    final List<String> journal;
    final RouteType type;
    volatile boolean failStart;
    volatile ComponentHealth.State state = ComponentHealth.State.UP;
    volatile BackendContext context;

    RecordingBackend(RouteType type, List<String> journal) {
        this(type, journal, PHASE_CONSUMER);
    }

    RecordingBackend(RouteType type, List<String> journal, int phase) {
        this.type = type;
        this.journal = journal;
        this.phase = phase;
    }

    @Override
    public int startPhase() {
        return phase;
    }

    static List<String> journal() {
        return new CopyOnWriteArrayList<>();
    }

    static Route route(RouteType type, String name) {
        return new Route() {
            @Override public RouteType type() { return type; }
            @Override public String name() { return name; }
            @Override public List<String> sources() { return List.of(name); }
            @Override public List<RouteOption> describe(Settings settings) { return List.of(); }
        };
    }

    @Override
    public RouteType type() {
        return type;
    }

    /** One lot per route, named after it, that holds nothing. */
    @Override
    public List<ParkingLot> parkingLots(BackendContext ctx) {
        return ctx.routes().stream().<ParkingLot>map(r -> new ParkingLot() {
            @Override public String route() { return r.name(); }
            @Override public String name() { return r.name() + ".parked"; }
            @Override public String destination() { return r.name(); }
            @Override public long count() { return 0; }
            @Override public List<ParkedMessage> list(int limit) { return List.of(); }
            @Override public long replay(long limit, Consumer<String> progress) { return 0; }
            @Override public long purge(long limit) { return 0; }
        }).toList();
    }

    @Override
    public Backend create(BackendContext ctx) {
        this.context = ctx;
        journal.add(type + " create");
        return new Backend() {
            @Override
            public void start() {
                journal.add(type + " start");
                if (failStart) {
                    throw new IllegalStateException(type + " cannot connect");
                }
            }

            @Override public void stopIntake() { journal.add(type + " stopIntake"); }
            @Override public void drain(Duration budget) { journal.add(type + " drain"); }
            @Override public void close() { journal.add(type + " close"); }

            @Override
            public List<ComponentHealth> health() {
                return ctx.routes().stream().map(r -> new ComponentHealth("test", r.name(), state, "")).toList();
            }
        };
    }
}

package io.asyncworker.internal.app;

import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Connection;
import io.asyncworker.Health;
import io.asyncworker.Key;
import io.asyncworker.LifecycleHook;
import io.asyncworker.Route;
import io.asyncworker.RouteType;
import io.asyncworker.Settings;
import io.asyncworker.internal.BackendMarkers;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.ParkingLot;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app: registrations, state and the start/stop sequence. */
public final class DefaultApp implements App {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultApp.class);

    private enum Phase { NEW, STARTING, RUNNING, STOPPING, STOPPED }

    private final Settings settings;
    private final TimerService timer;
    private final ObservationRegistry observations;
    private final CompositeMeterRegistry meters = new CompositeMeterRegistry();
    private final Registrations reg = new Registrations();
    private final AppState state = new AppState();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Backend> backends = new ArrayList<>();
    private volatile Phase phase = Phase.NEW;
    private volatile boolean hooksCompleted;
    /** Set by a stop() that came while the app was starting: the start ends and stops instead. */
    private volatile boolean stopRequested;

    DefaultApp(Settings settings, TimerService timer, ObservationRegistry observations,
               Map<RouteType, BackendFactory> backends) {
        this.settings = settings;
        this.timer = timer;
        this.observations = observations;
        this.reg.backends.putAll(backends);
    }

    @Override
    public synchronized App route(Route route) {
        configurable("route");
        reg.route(route);
        return this;
    }

    @Override
    public synchronized App connection(Connection connection) {
        configurable("connection");
        reg.connection(connection);
        return this;
    }

    @Override
    public synchronized App onStartup(LifecycleHook hook) {
        configurable("onStartup");
        reg.startupHooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    @Override
    public synchronized App onShutdown(LifecycleHook hook) {
        configurable("onShutdown");
        reg.shutdownHooks.add(Objects.requireNonNull(hook, "hook"));
        return this;
    }

    private void configurable(String what) {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("cannot call " + what + "(...) once the app has started");
        }
    }

    @Override
    public <T> App put(Key<T> key, T value) {
        state.put(key, value);
        return this;
    }

    @Override
    public <T> T get(Key<T> key) {
        return state.get(key);
    }

    @Override
    public <T> Optional<T> find(Key<T> key) {
        return state.find(key);
    }

    @Override public Settings settings() { return settings; }
    @Override public CompositeMeterRegistry meters() { return meters; }
    @Override public ObservationRegistry observations() { return observations; }
    @Override public synchronized List<Route> routes() { return List.copyOf(reg.routes); }
    @Override public synchronized List<Connection> connections() { return List.copyOf(reg.connections); }
    @Override public boolean isRunning() { return phase == Phase.RUNNING; }

    @Override
    public Health health() {
        List<Backend> snapshot;
        synchronized (backends) {
            snapshot = List.copyOf(backends);
        }
        List<ComponentHealth> all = new ArrayList<>();
        snapshot.forEach(b -> all.addAll(b.health()));
        return new Health(isRunning(), all);
    }

    @Override
    public List<String> check() {
        List<Plan> plans;
        try {
            plans = Plan.of(new BackendResolver(reg.backends), reg, this::context);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Plan plan : plans) {
            try {
                problems.addAll(plan.factory().check(plan.context()));
            } catch (RuntimeException e) {
                problems.add(plan.factory().type() + " check failed: " + e);
            }
        }
        return problems;
    }

    /**
     * The parking lots of the app's routes, for {@link io.asyncworker.spi.Providers#parkingLots(App)}.
     *
     * @return the lots, in backend and route order
     */
    public List<ParkingLot> parkingLots() {
        List<ParkingLot> lots = new ArrayList<>();
        for (Plan plan : Plan.of(new BackendResolver(reg.backends), reg, this::context)) {
            lots.addAll(plan.factory().parkingLots(plan.context()));
        }
        return lots;
    }

    @Override
    public void start() {
        synchronized (this) {
            if (phase != Phase.NEW) {
                throw new IllegalStateException("app was already started; create a new App to start again");
            }
            phase = Phase.STARTING;
        }
        try {
            BackendResolver backends = new BackendResolver(reg.backends);
            BackendMarkers.warnOfUnregistered(backends.known());
            List<Plan> plans = Plan.of(backends, reg, this::context);
            runStartupHooks();
            startBackends(plans);
            if (finishStart()) {
                LOG.info("asyncworker started: {} on {}", count(reg.routes.size(), "route"), backendNames(plans));
            }
        } catch (StopDuringStart e) {
            LOG.info("asyncworker was asked to stop while starting; stopping what started");
            stopNow();
        } catch (Exception | LinkageError e) {
            throw startFailed(e);
        }
    }

    /** Stops what started and returns the exception {@link #start()} throws. */
    private RuntimeException startFailed(Throwable e) {
        LOG.error("asyncworker failed to start; stopping what started", e);
        stopNow();
        return e instanceof IllegalArgumentException iae ? iae
                : new IllegalStateException("asyncworker failed to start: " + e.getMessage(), e);
    }

    /** RUNNING, unless a stop came during the start: then stops and returns false. */
    private boolean finishStart() {
        synchronized (this) {
            if (!stopRequested) {
                phase = Phase.RUNNING;
                return true;
            }
        }
        LOG.info("asyncworker was asked to stop while starting; stopping");
        stopNow();
        return false;
    }

    /** Thrown between start steps when a stop came. */
    private static final class StopDuringStart extends Exception {
        private static final long serialVersionUID = 1L;

        StopDuringStart() {
            super(null, null, false, false);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String backendNames(List<Plan> plans) {
        return count(plans.size(), "backend") + " (" + String.join(", ",
                plans.stream().map(p -> p.factory().type().name()).toList()) + ")";
    }

    private Context context(RouteType type) {
        return new Context(this, settings, reg.routes(type), reg.connections(type), meters, timer, observations,
                state);
    }

    private void runStartupHooks() throws Exception {
        for (LifecycleHook hook : reg.startupHooks) {
            abortIfStopped();
            hook.run(this);
        }
        hooksCompleted = true;
        state.freeze();
    }

    private void abortIfStopped() throws StopDuringStart {
        if (stopRequested) {
            throw new StopDuringStart();
        }
    }

    private void startBackends(List<Plan> plans) throws Exception {
        for (Plan plan : plans) {
            abortIfStopped();
            Backend backend = plan.factory().create(plan.context());
            synchronized (backends) {
                backends.add(backend);
            }
            backend.start();
        }
    }

    /**
     * Stops gracefully. During a start, the start is cut short at its next step (a hook or a
     * backend) and this call waits until what started has stopped.
     */
    @Override
    public void stop() {
        boolean mine;
        synchronized (this) {
            if (phase == Phase.NEW) {
                phase = Phase.STOPPED;
                stopped.countDown();
                return;
            }
            stopRequested = true;
            mine = phase == Phase.RUNNING;
            if (mine) {
                phase = Phase.STOPPING;
            }
        }
        if (!mine) {
            awaitStopped(); // starting (it stops at its next step), or another thread is stopping it
            return;
        }
        LOG.info("asyncworker stopping (budget {})", settings.shutdownTimeout());
        stopNow();
        LOG.info("asyncworker stopped");
    }

    private void stopNow() {
        phase = Phase.STOPPING;
        state.freeze();
        List<Backend> started;
        synchronized (backends) {
            started = List.copyOf(backends);
        }
        List<LifecycleHook> hooks = hooksCompleted ? reg.shutdownHooks : List.of();
        Shutdown.run(this, started, hooks, settings.shutdownTimeout());
        phase = Phase.STOPPED;
        stopped.countDown();
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        timer.close();
        meters.close();
    }

    @Override
    public void run() {
        start();
        Thread hook = new Thread(this::stopOnSignal, "asyncworker-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        awaitStopped();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting because of a signal; the hook ran stop()
        }
    }

    private void stopOnSignal() {
        LOG.info("asyncworker received a stop signal");
        stop();
    }
}

package io.asyncworker.http.internal;

import io.asyncworker.http.HttpSettings;
import io.asyncworker.App;
import io.asyncworker.ComponentHealth;
import io.asyncworker.Settings;
import io.asyncworker.http.HttpAddress;
import io.asyncworker.http.HttpRoute;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.TimerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of one app run: a Vert.x instance of its own, the user routes plus the
 * built-in metrics and health routes. Lifecycle calls come from the app's thread, one at a time;
 * {@link #health()} from any thread.
 */
final class HttpBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(HttpBackend.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private enum State { STARTING, UP, STOPPED }

    private final App app;
    private final BackendContext context;
    private final Settings settings;
    private final List<HttpRoute> routes;
    private final HttpMetrics metrics;
    private final ServerLimits limits;
    private final TimerService timer;
    private final MeterRegistry meters;
    private final Liveness liveness;
    private final InFlight inFlight = new InFlight();
    private final Dispatcher dispatcher;
    private volatile State state = State.STARTING;
    private volatile String address;
    private PrometheusMeterRegistry prometheus;
    private JvmMeters jvmMeters;
    private Vertx vertx;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private Future<?> shutdown;

    HttpBackend(BackendContext context, List<HttpRoute> routes) {
        this.app = context.app();
        this.context = context;
        this.settings = context.settings();
        this.routes = routes;
        this.metrics = new HttpMetrics(context.meters());
        this.limits = ServerLimits.of(settings);
        this.timer = context.timer();
        this.meters = context.meters();
        this.liveness = new Liveness(timer);
        this.dispatcher = new Dispatcher(inFlight, metrics, context.observations());
        this.address = settings.get(HttpSettings.HOST) + ":" + settings.get(HttpSettings.PORT);
    }

    @Override
    public void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setFileSystemOptions(
                new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        var router = Routing.build(vertx, allRoutes(), dispatcher, metrics);
        try {
            await(listen(router), START_TIMEOUT);
        } catch (Exception e) {
            throw new IllegalStateException("HTTP server cannot listen on " + address + " (" + HttpSettings.HOST
                    + ", " + HttpSettings.PORT + "): " + e.getMessage(), e);
        }
        liveness.start();
        HttpAddress bound = new HttpAddress(settings.get(HttpSettings.HOST), servers.getFirst().actualPort());
        address = bound.host() + ":" + bound.port();
        context.expose(HttpAddress.KEY, bound);
        state = State.UP;
        LOG.info("HTTP server listening on {} with {} routes", bound.uri(), routes.size());
    }

    /**
     * One server per event loop, all on the same port (Vert.x spreads the connections over them;
     * port 0 gives one random port shared by all), so accepting and parsing scale with the cores.
     * Every connection is guarded from its first byte ({@link ConnectionGuard}); every request
     * passes {@link BeforeRouting}.
     */
    private Future<String> listen(Router router) {
        HttpServerOptions options = limits.options(settings.get(HttpSettings.HOST), settings.get(HttpSettings.PORT));
        ConnectionGuard guard = new ConnectionGuard(limits, options, timer, meters);
        BeforeRouting gate = new BeforeRouting(router, metrics, limits);
        Supplier<Deployable> perLoop = () -> context -> {
            liveness.watch(context);
            HttpServer server = vertx.createHttpServer(options).connectionHandler(guard::accept)
                    .invalidRequestHandler(gate::invalid).requestHandler(gate::decoded);
            servers.add(server);
            return server.listen();
        };
        return vertx.deployVerticle(perLoop, new DeploymentOptions().setInstances(EVENT_LOOPS));
    }

    private List<HttpRoute> allRoutes() {
        List<HttpRoute> all = new ArrayList<>(routes);
        if (settings.get(HttpSettings.METRICS_ENABLED)) {
            prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            app.meters().add(prometheus);
            all.add(BuiltinRoutes.metrics(settings.get(HttpSettings.METRICS_PATH), prometheus));
            if (settings.get(HttpSettings.METRICS_JVM)) {
                jvmMeters = JvmMeters.bindTo(prometheus);
            }
        }
        String health = settings.get(HttpSettings.HEALTH_PATH);
        all.add(BuiltinRoutes.health(health, app::health));
        all.add(BuiltinRoutes.live(health, liveness::problems));
        all.add(BuiltinRoutes.ready(health, app::health));
        return all;
    }

    @Override
    public void stopIntake() {
        state = State.STOPPED;
        liveness.stop();
        context.unexpose(HttpAddress.KEY);
        if (!servers.isEmpty()) {
            long timeout = settings.shutdownTimeout().toMillis();
            shutdown = Future.all(servers.stream().map(s -> s.shutdown(timeout, TimeUnit.MILLISECONDS)).toList());
        }
    }

    @Override
    public void drain(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            if (!inFlight.awaitIdle(budget)) {
                int requests = inFlight.count();
                var stopped = dispatcher.interruptAll();
                LOG.warn("{} HTTP requests still running after the shutdown budget of {}; interrupted {} handlers{}",
                        requests, budget, stopped.interrupted(), stopped.ignoringInterrupt().isEmpty() ? ""
                                : " (" + stopped.ignoringInterrupt().size() + " ignore the interrupt)");
                return;
            }
            if (shutdown != null) {
                await(shutdown, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("HTTP server did not shut down cleanly within the budget: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            if (vertx != null) {
                await(vertx.close(), CLOSE_TIMEOUT);
            }
        } catch (Exception e) {
            LOG.warn("closing Vert.x failed: {}", e.toString());
        } finally {
            Optional.ofNullable(jvmMeters).ifPresent(JvmMeters::close);
            Optional.ofNullable(prometheus).ifPresent(p -> {
                app.meters().remove(p);
                p.close();
            });
        }
    }

    @Override
    public List<ComponentHealth> health() {
        ComponentHealth.State s = switch (state) {
            case STARTING -> ComponentHealth.State.STARTING;
            case UP -> ComponentHealth.State.UP;
            case STOPPED -> ComponentHealth.State.STOPPED;
        };
        return List.of(new ComponentHealth("server", "http " + address, s, ""));
    }

    private static <T> T await(Future<T> future, Duration timeout) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("no answer within " + timeout);
        }
    }
}

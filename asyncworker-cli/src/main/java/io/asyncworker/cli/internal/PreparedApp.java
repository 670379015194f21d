package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.spi.DevService;
import io.asyncworker.spi.DevServiceException;
import io.asyncworker.spi.SettingsScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's app, built after the dev services (in dev mode) made sure that the systems its routes
 * need answer; closes the app, then what the dev services started.
 */
final class PreparedApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PreparedApp.class);
    private final App app;
    private final List<DevService.Running> started;

    private PreparedApp(App app, List<DevService.Running> started) {
        this.app = app;
        this.started = List.copyOf(started);
    }

    /** Builds an app once. */
    @FunctionalInterface
    interface Builder {
        App build() throws WorkerException;
    }

    /**
     * Builds the app. In dev mode ({@code --dev} or {@code ASYNCWORKER_DEV=true}) runs the dev
     * service of each route type the app uses; when some started a system, builds the app again
     * with their settings in scope ({@link SettingsScope}: settings are read when an app is created).
     *
     * @param missing receives one line per route type whose dev service module is not on the class path
     */
    static PreparedApp prepare(Builder builder, boolean devFlag, DevServices services, Consumer<String> missing)
            throws WorkerException, DevServiceException {
        App app = builder.build();
        if (!(devFlag || app.settings().dev())) {
            return new PreparedApp(app, List.of());
        }
        List<DevService.Running> started = new ArrayList<>();
        try {
            for (DevService service : services.needed(app, missing)) {
                service.ensure(app.settings()).ifPresent(running -> {
                    started.add(running);
                    LOG.info("dev: the {} routes use the {} until this command ends", service.type(), running.description());
                });
            }
        } catch (DevServiceException | RuntimeException e) {
            closeAll(app, started);
            throw e;
        }
        if (started.isEmpty()) {
            return new PreparedApp(app, started);
        }
        app.close();
        return new PreparedApp(rebuild(builder, started), started);
    }

    /** The app built again, seeing the started systems' settings; closes them when that fails. */
    private static App rebuild(Builder builder, List<DevService.Running> started) throws WorkerException {
        Map<String, String> settings = new HashMap<>();
        started.forEach(r -> settings.putAll(r.settings()));
        try {
            return SettingsScope.call(settings, builder::build);
        } catch (WorkerException | RuntimeException e) {
            closeAll(null, started);
            throw e;
        } catch (Exception e) {
            closeAll(null, started);
            throw new WorkerException("cannot build the app with the dev services' settings: " + e, e);
        }
    }

    App app() {
        return app;
    }

    @Override
    public void close() {
        closeAll(app, started);
    }

    /** The app first, then the started systems, last started first. */
    private static void closeAll(App app, List<DevService.Running> started) {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
    }
}

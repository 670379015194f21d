package io.asyncworker.internal.app;

import io.asyncworker.App;
import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import io.asyncworker.spi.BackendFactory;
import io.asyncworker.spi.TimerService;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The builder behind {@link App#builder()}; not thread-safe. */
public final class AppBuilder implements App.Builder {
    private final Map<RouteType, BackendFactory> backends = new LinkedHashMap<>();
    private Settings settings;
    private TimerService timer;
    private ObservationRegistry observations = ObservationRegistry.NOOP;

    @Override
    public App.Builder settings(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    @Override
    public App.Builder timer(TimerService timer) {
        this.timer = Objects.requireNonNull(timer, "timer");
        return this;
    }

    @Override
    public App.Builder backend(BackendFactory factory) {
        Objects.requireNonNull(factory, "factory");
        backends.put(Objects.requireNonNull(factory.type(), "factory.type()"), factory);
        return this;
    }

    @Override
    public App.Builder observations(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "observations");
        return this;
    }

    /** The settings, knowing those of the given backends too; then the app. */
    @Override
    public App build() {
        List<Setting<?>> extra = new ArrayList<>();
        backends.values().forEach(f -> extra.addAll(f.settings()));
        Settings base = settings != null ? settings : Settings.fromEnv();
        return new DefaultApp(extra.isEmpty() ? base : base.including(extra),
                timer != null ? timer : TimerService.system(), observations, backends);
    }
}

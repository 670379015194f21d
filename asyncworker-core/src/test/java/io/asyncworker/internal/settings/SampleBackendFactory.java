package io.asyncworker.internal.settings;

import io.asyncworker.RouteType;
import io.asyncworker.Setting;
import io.asyncworker.spi.Backend;
import io.asyncworker.spi.BackendContext;
import io.asyncworker.spi.BackendFactory;
import java.util.List;

/** A backend on the test class path (META-INF/services) that only contributes settings. */
public final class SampleBackendFactory implements BackendFactory {
    static final Setting<Integer> PORT = Setting.integer("ASYNCWORKER_SAMPLE_PORT", 8080, 0, 65535);
    static final Setting<String> PASSWORD = Setting.of("ASYNCWORKER_SAMPLE_PASSWORD", "guest", raw -> raw).secret();
    static final Setting<String> URL = Setting.text("ASYNCWORKER_SAMPLE_URL", null).urlWithPassword();

    @Override
    public RouteType type() {
        return RouteType.of("SAMPLE");
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PORT, PASSWORD, URL);
    }

    @Override
    public Backend create(BackendContext context) {
        throw new UnsupportedOperationException("never started: it has no routes");
    }
}

package io.asyncworker.http.internal;

import io.asyncworker.App;
import io.asyncworker.http.HttpAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/** Where each running app's HTTP server listens; apps are held weakly. Thread-safe. */
public final class Bindings {
    private static final Map<App, HttpAddress> BY_APP = Collections.synchronizedMap(new WeakHashMap<>());

    private Bindings() {
    }

    static void bind(App app, HttpAddress address) {
        BY_APP.put(app, address);
    }

    static void unbind(App app) {
        BY_APP.remove(app);
    }

    /** The address of an app's server while it accepts requests. */
    public static Optional<HttpAddress> of(App app) {
        return Optional.ofNullable(BY_APP.get(app));
    }
}

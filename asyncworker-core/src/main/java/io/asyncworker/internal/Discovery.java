package io.asyncworker.internal;

import io.asyncworker.spi.BackendFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds service implementations on the module path and the class path: through the core's own class
 * loader (which must see the backends, see the command line's isolated launcher) and the thread's
 * context class loader, each implementation class once.
 */
public final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

    private Discovery() {
    }

    /** Every {@link BackendFactory} registered in {@code META-INF/services}. */
    public static List<BackendFactory> backendFactories() {
        return load(BackendFactory.class);
    }

    /** Every implementation of a service interface, in class path order. */
    public static <S> List<S> load(Class<S> service) {
        // On the module path ServiceLoader serves only the services the calling module uses: declare
        // it here too, so a service type added later needs no edit of module-info.java to be found.
        Discovery.class.getModule().addUses(service);
        Map<String, S> found = new LinkedHashMap<>();
        for (ClassLoader loader : loaders()) {
            try {
                ServiceLoader.load(service, loader).forEach(s -> found.putIfAbsent(s.getClass().getName(), s));
            } catch (ServiceConfigurationError e) {
                LOG.warn("a META-INF/services/{} entry cannot be loaded: {}", service.getName(), e.getMessage());
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The core's class loader and, when it differs, the thread's context class loader. */
    static List<ClassLoader> loaders() {
        List<ClassLoader> loaders = new ArrayList<>(2);
        loaders.add(Discovery.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != loaders.get(0)) {
            loaders.add(context);
        }
        return loaders;
    }
}

package io.asyncworker.spi;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Settings values that a dev service provides to the apps built within a call, e.g. the address
 * of a broker it just started: {@link io.asyncworker.Settings#fromEnv()} called inside
 * {@link #call} sees them above the environment, with the origin {@code DEV_SERVICE}. Nothing is
 * written to the process's environment or system properties, and apps built elsewhere (other
 * threads, later calls) are not affected.
 *
 * <pre>{@code
 * App app = SettingsScope.call(Map.of("ASYNCWORKER_AMQP_URL", broker.url()), Worker::app);
 * }</pre>
 *
 * <p>Thread-confined: the values apply to the calling thread for the duration of the call only.
 */
public final class SettingsScope {
    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(Map::of);

    private SettingsScope() {
    }

    /**
     * Runs {@code body} with these values in scope (inner scopes add to and override outer ones).
     *
     * @param <T> the type of the body's result
     * @param values the settings values, by variable name
     * @param body the code to run
     * @return what {@code body} returns
     * @throws Exception what {@code body} throws
     */
    public static <T> T call(Map<String, String> values, Callable<T> body) throws Exception {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(body, "body");
        Map<String, String> outer = CURRENT.get();
        Map<String, String> merged = new java.util.HashMap<>(outer);
        merged.putAll(values);
        CURRENT.set(Map.copyOf(merged));
        try {
            return body.call();
        } finally {
            CURRENT.set(outer);
        }
    }

    /**
     * The values in scope on this thread; empty outside {@link #call}.
     *
     * @return the values by variable name
     */
    public static Map<String, String> current() {
        return CURRENT.get();
    }
}

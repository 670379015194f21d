package io.asyncworker.internal.settings;

import io.asyncworker.Origin;
import io.asyncworker.Setting;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where raw setting values come from, highest precedence first: code ({@code with}), a dev
 * service's scope, the lookup (environment), the setting's default. Immutable.
 */
record Sources(Function<String, String> lookup, Map<String, String> devService, Map<String, String> code) {

    Sources withCode(String name, String value) {
        Map<String, String> copy = new HashMap<>(code);
        copy.put(name, value);
        return new Sources(lookup, devService, Map.copyOf(copy));
    }

    /** The raw value in effect, empty when unset and without default. */
    Optional<String> raw(Setting<?> setting) {
        String name = setting.name();
        return switch (origin(setting)) {
            case CODE -> Optional.of(code.get(name));
            case DEV_SERVICE -> Optional.of(devService.get(name));
            case ENVIRONMENT -> Optional.of(lookup.apply(name));
            case DEFAULT -> setting.defaultValue();
        };
    }

    Origin origin(Setting<?> setting) {
        String name = setting.name();
        if (code.containsKey(name)) {
            return Origin.CODE;
        }
        if (devService.containsKey(name)) {
            return Origin.DEV_SERVICE;
        }
        String env = lookup.apply(name);
        return env != null && !env.isEmpty() ? Origin.ENVIRONMENT : Origin.DEFAULT;
    }
}

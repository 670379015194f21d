package io.asyncworker.internal.settings;

import io.asyncworker.Origin;
import io.asyncworker.Setting;
import io.asyncworker.Settings;
import io.asyncworker.internal.Discovery;
import io.asyncworker.spi.SettingsScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@link Settings} over a lookup function, parsed and validated once for every known setting: the
 * core's and those of the backends found on the class path.
 */
public final class EnvSettings implements Settings {
    private final Sources sources;
    private final Map<String, Setting<?>> known;
    private final Map<String, Object> values;

    private EnvSettings(Sources sources, Map<String, Setting<?>> known, Map<String, Object> values) {
        this.sources = sources;
        this.known = known;
        this.values = values;
    }

    /** The process environment, system properties and the current dev-service scope. */
    public static EnvSettings fromEnv() {
        Map<String, String> scoped = SettingsScope.current();
        return create(new Sources(name -> System.getProperty(name, System.getenv(name)), scoped, Map.of()),
                catalog());
    }

    /** Reads every known variable through the lookup; throws once, naming every bad value. */
    public static EnvSettings from(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return create(new Sources(lookup, Map.of(), Map.of()), catalog());
    }

    /** Every {@code ASYNCWORKER_*} name set in the environment or as a system property. */
    public static Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(System.getenv().keySet());
        names.addAll(System.getProperties().stringPropertyNames());
        return names;
    }

    /** The core's settings, then those of every backend found on the class path. */
    private static Map<String, Setting<?>> catalog() {
        Map<String, Setting<?>> all = new LinkedHashMap<>();
        for (Setting<?> s : List.of(FLUSH_TIMEOUT, SHUTDOWN_TIMEOUT, LOG_LEVEL, DEV)) {
            all.put(s.name(), s);
        }
        Discovery.backendFactories().forEach(f -> f.settings().forEach(s -> all.putIfAbsent(s.name(), s)));
        return all;
    }

    private static EnvSettings create(Sources sources, Map<String, Setting<?>> known) {
        Map<String, Object> values = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : known.values()) {
            Optional<String> text = sources.raw(setting);
            if (text.isEmpty()) {
                continue;
            }
            try {
                values.put(setting.name(), setting.parse(text.get()));
            } catch (IllegalArgumentException e) {
                problems.add(setting.name() + "='" + setting.show(text.get()) + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid asyncworker settings: " + String.join("; ", problems));
        }
        return new EnvSettings(sources, Collections.unmodifiableMap(new LinkedHashMap<>(known)), Map.copyOf(values));
    }

    /** The names of every known setting. */
    public Set<String> known() {
        return known.keySet();
    }

    @Override
    public Settings with(String variable, String value) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
        if (!known.containsKey(variable)) {
            throw new IllegalArgumentException("unknown setting " + variable + "; known: " + new TreeSet<>(known.keySet()));
        }
        return create(sources.withCode(variable, value), known);
    }

    @Override
    public Settings including(Collection<Setting<?>> settings) {
        Map<String, Setting<?>> all = new LinkedHashMap<>(known);
        settings.forEach(s -> all.putIfAbsent(s.name(), s));
        return all.size() == known.size() ? this : create(sources, all);
    }

    @Override
    public <T> Optional<T> find(Setting<T> setting) {
        Objects.requireNonNull(setting, "setting");
        if (known.containsKey(setting.name())) {
            @SuppressWarnings("unchecked")
            T value = (T) values.get(setting.name());
            return Optional.ofNullable(value);
        }
        // a setting nobody declared when these settings were made: read it now
        Optional<String> text = sources.raw(setting);
        try {
            return text.map(setting::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid asyncworker setting " + setting.name() + "='"
                    + setting.show(text.get()) + "': " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new NoSuchElementException(setting.name() + " is not set and has no default"));
    }

    @Override
    public Origin origin(String variable) {
        Setting<?> setting = known.get(variable);
        if (setting == null) {
            throw new IllegalArgumentException("unknown setting " + variable);
        }
        return sources.origin(setting);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting<?> s : known.values()) {
            out.put(s.name(), sources.raw(s).map(s::show).orElse("(unset)"));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Settings" + describe();
    }
}

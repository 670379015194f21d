package io.asyncworker;

import io.asyncworker.spi.Checks;
import java.util.Objects;

/**
 * A typed key for app state ({@link App#put(Key, Object)}, {@link App#get(Key)}).
 *
 * <p>Keys compare by identity: keep them in constants.
 *
 * <pre>{@code
 * static final Key<Db> DB = Key.of("db", Db.class);
 * app.onStartup(a -> a.put(DB, Db.connect()));
 * }</pre>
 *
 * @param <T> the value type
 */
public final class Key<T> {
    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /**
     * Creates a key; the name is for messages only.
     *
     * @param <T> the value type
     * @param name the key's name, used in messages
     * @param type the type of the values stored under the key
     * @return the key
     */
    public static <T> Key<T> of(String name, Class<T> type) {
        Checks.notBlank("key name", name);
        Objects.requireNonNull(type, "type");
        return new Key<>(name, type);
    }

    /** {@return the key's name} */
    public String name() {
        return name;
    }

    /** {@return the type of the values stored under this key} */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return "Key(" + name + ": " + type.getSimpleName() + ")";
    }
}

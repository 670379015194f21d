package io.asyncworker.internal.app;

import io.asyncworker.Key;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Typed app state: writable until frozen, readable from any thread. */
final class AppState {
    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();
    private final Map<Key<?>, Object> exposed = new ConcurrentHashMap<>();
    private volatile boolean frozen;

    <T> void put(Key<T> key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (frozen) {
            throw new IllegalStateException("app state is frozen once the app has started; cannot put " + key);
        }
        values.put(key, key.type().cast(value));
    }

    <T> Optional<T> find(Key<T> key) {
        Objects.requireNonNull(key, "key");
        Object value = values.get(key);
        return Optional.ofNullable(value != null ? value : exposed.get(key)).map(key.type()::cast);
    }

    /** A value a backend publishes while it runs, e.g. the HTTP server's address; never frozen. */
    <T> void expose(Key<T> key, T value) {
        Objects.requireNonNull(key, "key");
        exposed.put(key, key.type().cast(Objects.requireNonNull(value, "value")));
    }

    void unexpose(Key<?> key) {
        exposed.remove(Objects.requireNonNull(key, "key"));
    }

    <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new NoSuchElementException("no app state under " + key));
    }

    void freeze() {
        frozen = true;
    }
}

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
        return Optional.ofNullable(values.get(key)).map(key.type()::cast);
    }

    <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new NoSuchElementException("no app state under " + key));
    }

    void freeze() {
        frozen = true;
    }
}

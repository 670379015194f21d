package io.asyncworker.test.internal;

import io.asyncworker.BodyCodec;
import io.asyncworker.jackson.JacksonCodec;
import io.asyncworker.spi.Checks;
import io.asyncworker.test.InMemoryBroker;
import java.time.Duration;
import java.util.Objects;

/** The builder behind {@link InMemoryBroker#builder()}; not thread-safe. */
public final class MemoryBrokerBuilder implements InMemoryBroker.Builder {
    String name = "in-memory";
    int prefetch = 128;
    BodyCodec codec = JacksonCodec.json();
    Duration awaitTimeout = Duration.ofSeconds(10);

    @Override
    public InMemoryBroker.Builder name(String name) {
        this.name = Checks.notBlank("name", name);
        return this;
    }

    @Override
    public InMemoryBroker.Builder prefetch(int prefetch) {
        this.prefetch = Checks.atLeast("prefetch", prefetch, 1);
        return this;
    }

    @Override
    public InMemoryBroker.Builder codec(BodyCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    @Override
    public InMemoryBroker.Builder awaitTimeout(Duration timeout) {
        this.awaitTimeout = Checks.positive("awaitTimeout", timeout);
        return this;
    }

    @Override
    public InMemoryBroker build() {
        return new MemoryBroker(this);
    }
}

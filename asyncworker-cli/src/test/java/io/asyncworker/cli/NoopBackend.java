package io.asyncworker.cli;

import io.asyncworker.ComponentHealth;
import io.asyncworker.spi.Backend;
import java.time.Duration;
import java.util.List;

/** A backend that starts and stops nothing, for test backend factories of the command line tests. */
public final class NoopBackend implements Backend {
    @Override public void start() { }
    @Override public void stopIntake() { }
    @Override public void drain(Duration budget) { }
    @Override public void close() { }
    @Override public List<ComponentHealth> health() { return List.of(); }
}

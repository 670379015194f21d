package io.asyncworker.bench.http;

import java.time.Duration;

/** Closed-loop HTTP load on 127.0.0.1: a fixed number of connections for a fixed time. */
interface LoadGenerator {
    record Load(double requestsPerSecond, double p50Millis, double p99Millis) {
    }

    String describe(int connections);

    Load run(int port, int connections, Duration duration) throws Exception;
}

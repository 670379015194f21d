package io.asyncworker.bench.sse;

import io.asyncworker.bench.Results;

public final class SseBench {
    public SseBench(Results results, boolean quick) {
    }

    public void run() {
    }
}

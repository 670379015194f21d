package io.asyncworker.bench.http;

import io.asyncworker.bench.Results;

public final class HttpBench {
    public HttpBench(Results results, boolean quick) {
    }

    public void run() {
    }
}

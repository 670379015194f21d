package io.asyncworker.bench.sched;

import io.asyncworker.bench.Results;

public final class SchedBench {
    public SchedBench(Results results, boolean quick) {
    }

    public void run() {
    }
}

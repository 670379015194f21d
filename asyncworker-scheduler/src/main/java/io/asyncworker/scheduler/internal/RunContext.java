package io.asyncworker.scheduler.internal;

import io.asyncworker.App;
import io.asyncworker.scheduler.TaskContext;
import java.time.Instant;

/** One run's context. */
record RunContext(App app, String scheduleName, Instant scheduledTime, long runNumber) implements TaskContext {
}

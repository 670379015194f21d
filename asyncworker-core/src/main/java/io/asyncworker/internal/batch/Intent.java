package io.asyncworker.internal.batch;

import io.asyncworker.Action;

/** What a handler decided for one message: a plain action, or a retry or park (SPEC §14). */
enum Intent {
    ACK(Action.ACK), REJECT(Action.REJECT), REQUEUE(Action.REQUEUE), RETRY(Action.REQUEUE), PARK(Action.REJECT);

    private final Action action;

    Intent(Action action) {
        this.action = action;
    }

    /** The plain action it reads as in {@code decision()}. */
    Action action() {
        return action;
    }
}

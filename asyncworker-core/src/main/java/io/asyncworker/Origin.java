package io.asyncworker;

/** Where an effective setting or route option came from. */
public enum Origin {
    /** The framework's default. */
    DEFAULT,
    /** An {@code ASYNCWORKER_*} environment variable. */
    ENVIRONMENT,
    /** The worker's own code. */
    CODE
}

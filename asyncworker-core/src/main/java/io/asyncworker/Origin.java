package io.asyncworker;

/** Where an effective setting or route option came from. */
public enum Origin {
    /** The framework's default. */
    DEFAULT,
    /** An {@code ASYNCWORKER_*} environment variable (or the Java system property of that name). */
    ENVIRONMENT,
    /** A dev service, e.g. the address of a broker it started for this process. */
    DEV_SERVICE,
    /** The worker's own code. */
    CODE
}

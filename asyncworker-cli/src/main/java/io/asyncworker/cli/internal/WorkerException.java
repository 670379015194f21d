package io.asyncworker.cli.internal;

/** A worker class that cannot be loaded or built; the command exits with code 2. */
final class WorkerException extends Exception {

    WorkerException(String message) {
        super(message);
    }

    WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}

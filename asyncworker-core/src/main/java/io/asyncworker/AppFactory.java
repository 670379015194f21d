package io.asyncworker;

/**
 * Builds a worker's {@link App}; the command line runs classes that implement it or that have
 * a {@code public static App app()} method.
 */
@FunctionalInterface
public interface AppFactory {

    /** Builds a new, not yet started app. */
    App app() throws Exception;
}

package io.asyncworker;

/**
 * Builds a worker's {@link App}; the command line runs classes that implement it or that have
 * a {@code public static App app()} method.
 */
@FunctionalInterface
public interface AppFactory {

    /**
     * Builds a new, not yet started app.
     *
     * @return the app
     * @throws Exception when the app cannot be built; the command line reports it and exits 2
     */
    App app() throws Exception;
}

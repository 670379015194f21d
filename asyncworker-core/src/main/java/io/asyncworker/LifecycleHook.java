package io.asyncworker;

/**
 * User code run at start ({@link App#onStartup}) or stop ({@link App#onShutdown}).
 *
 * <p>Called on the thread that runs {@code start()} or {@code stop()}, one hook at a time.
 */
@FunctionalInterface
public interface LifecycleHook {

    /**
     * Runs the hook.
     *
     * @param app the app being started or stopped
     * @throws Exception to fail the start, or to be logged at stop
     */
    void run(App app) throws Exception;
}

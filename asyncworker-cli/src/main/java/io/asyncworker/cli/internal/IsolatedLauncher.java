package io.asyncworker.cli.internal;

import io.asyncworker.cli.AsyncWorkerCli;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command again inside a class loader holding the worker's class path first, then the
 * command line's own. The framework finds backends with {@link java.util.ServiceLoader} through the
 * core's class loader, so the core must be loaded next to the worker's backends, not above them.
 */
final class IsolatedLauncher {

    private IsolatedLauncher() {
    }

    static int relaunch(List<String> classpath, List<String> args, PrintStream out, PrintStream err) {
        List<URL> urls = new ArrayList<>();
        try {
            for (String entry : classpath) {
                urls.add(url(entry, true));
            }
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(url(entry, false));
                }
            }
        } catch (WorkerException e) {
            err.println("asyncworker: " + e.getMessage());
            return Commands.USAGE;
        }
        return invoke(urls, args, out, err);
    }

    private static URL url(String entry, boolean mustExist) throws WorkerException {
        File file = new File(entry);
        if (mustExist && !file.exists()) {
            throw new WorkerException("class path entry " + entry + " does not exist");
        }
        try {
            return file.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new WorkerException("bad class path entry " + entry + ": " + e.getMessage(), e);
        }
    }

    private static int invoke(List<URL> urls, List<String> args, PrintStream out, PrintStream err) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("asyncworker-worker", urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            Method execute = loader.loadClass(AsyncWorkerCli.class.getName())
                    .getMethod("execute", PrintStream.class, PrintStream.class, String[].class);
            return (Integer) execute.invoke(null, out, err, args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            err.println("asyncworker: " + e.getCause());
            return Commands.FAILED;
        } catch (ReflectiveOperationException | IOException e) {
            err.println("asyncworker: cannot start the command line in the worker's class loader: " + e);
            return Commands.FAILED;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

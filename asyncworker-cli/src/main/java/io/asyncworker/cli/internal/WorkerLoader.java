package io.asyncworker.cli.internal;

import io.asyncworker.App;
import io.asyncworker.AppFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Loads a worker class and builds its {@link App}. */
final class WorkerLoader {
    private static final String SHAPE = "a worker class needs a `public static App app()` method "
            + "or must implement io.asyncworker.AppFactory with a public no-argument constructor";

    private WorkerLoader() {
    }

    /** Loads the class through the loader and builds a new, not started app. */
    static App build(String className, ClassLoader loader) throws WorkerException {
        Class<?> type = load(className, loader);
        try {
            App app = AppFactory.class.isAssignableFrom(type) ? fromFactory(type) : fromStaticMethod(type);
            if (app == null) {
                throw new WorkerException(className + " built no app: app() returned null");
            }
            return app;
        } catch (InvocationTargetException e) {
            throw failed(className, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new WorkerException("cannot build " + className + ": " + e, e);
        } catch (RuntimeException | LinkageError e) {
            throw failed(className, e);
        }
    }

    private static Class<?> load(String className, ClassLoader loader) throws WorkerException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new WorkerException("cannot load worker class " + className
                    + ": not found on the class path (give it with --classpath or java -cp)", e);
        } catch (LinkageError e) {
            throw new WorkerException("cannot load worker class " + className + ": " + e, e);
        }
    }

    private static App fromFactory(Class<?> type) throws ReflectiveOperationException, WorkerException {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new WorkerException(type.getName() + " is abstract; " + SHAPE);
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new WorkerException(type.getName() + " implements AppFactory but has no no-argument constructor");
        }
        constructor.setAccessible(true);
        AppFactory factory = (AppFactory) constructor.newInstance();
        try {
            return factory.app();
        } catch (Exception e) {
            throw new InvocationTargetException(e);
        }
    }

    private static App fromStaticMethod(Class<?> type) throws ReflectiveOperationException, WorkerException {
        Method method;
        try {
            method = type.getDeclaredMethod("app");
        } catch (NoSuchMethodException e) {
            throw new WorkerException(type.getName() + " has no app() method; " + SHAPE);
        }
        if (!Modifier.isStatic(method.getModifiers()) || !App.class.isAssignableFrom(method.getReturnType())) {
            throw new WorkerException(type.getName() + ".app() is not `static App app()`; " + SHAPE);
        }
        method.setAccessible(true);
        return (App) method.invoke(null);
    }

    private static WorkerException failed(String className, Throwable cause) {
        return new WorkerException(className + ".app() failed: " + cause, cause);
    }
}

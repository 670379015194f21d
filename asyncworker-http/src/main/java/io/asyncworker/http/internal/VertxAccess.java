package io.asyncworker.http.internal;

import io.vertx.core.Vertx;

/**
 * Whether this module may use the Vert.x internals its connection guards extend
 * ({@link GuardedRequestDecoder}, {@link ConnectionGuard}). On the class path it always may; on the
 * module path Vert.x exports that package to no module, so the JVM must be started with an
 * {@code --add-exports} for it. Checked before the server starts, so a missing flag is a clear start
 * error rather than an {@link IllegalAccessError} on the first connection. Stateless.
 */
final class VertxAccess {
    static final String PACKAGE = "io.vertx.core.http.impl";

    private VertxAccess() {
    }

    /** @throws IllegalArgumentException naming the missing {@code --add-exports} flag */
    static void require() {
        Module vertx = Vertx.class.getModule();
        Module self = VertxAccess.class.getModule();
        if (!vertx.isExported(PACKAGE, self)) {
            String target = self.isNamed() ? self.getName() : "ALL-UNNAMED";
            throw new IllegalArgumentException("the HTTP server's connection guards need Vert.x's internal package "
                    + PACKAGE + ", which module " + vertx.getName() + " does not export: start the JVM with "
                    + "--add-exports " + vertx.getName() + "/" + PACKAGE + "=" + target);
        }
    }
}

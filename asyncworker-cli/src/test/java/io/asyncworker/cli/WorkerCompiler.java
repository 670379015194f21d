package io.asyncworker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a worker class outside the test class path, as a user's jar would hold it. */
final class WorkerCompiler {

    private WorkerCompiler() {
    }

    static Path compile(Path dir, String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), src.toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed for " + className);
        }
        return classes;
    }
}

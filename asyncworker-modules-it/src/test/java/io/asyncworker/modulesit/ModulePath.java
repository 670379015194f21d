package io.asyncworker.modulesit;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The module path of the built asyncworker jars and their runtime dependencies (written by the
 * dependency plugin before the integration tests), with a compiler for worker modules against it
 * and a launcher of JVMs on it.
 */
final class ModulePath {
    /** The one package outside its API the HTTP backend needs, and the flag that grants it. */
    static final String VERTX_EXPORT = "io.vertx.core/io.vertx.core.http.impl=io.asyncworker.http";

    private final List<Path> entries;

    private ModulePath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The path Maven wrote for this module's runtime dependencies. */
    static ModulePath published() throws IOException {
        String file = System.getProperty("asyncworker.modulePath");
        if (file == null) {
            throw new IllegalStateException("run by failsafe: the system property asyncworker.modulePath is not set");
        }
        String text = Files.readString(Path.of(file)).strip();
        return new ModulePath(Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList());
    }

    /** The descriptors of the asyncworker modules on the path, by name. */
    Map<String, ModuleDescriptor> asyncworkerModules() {
        return ModuleFinder.of(entries.toArray(Path[]::new)).findAll().stream()
                .map(ModuleReference::descriptor)
                .filter(d -> d.name().startsWith("io.asyncworker"))
                .collect(Collectors.toMap(ModuleDescriptor::name, d -> d));
    }

    /** Compiles every {@code .java} file under {@code sources} (one module) into {@code out}. */
    Compilation compile(Path sources, Path out, String... options) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> args = new ArrayList<>(List.of("--module-path", joined(), "-d", out.toString()));
        args.addAll(List.of(options));
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null);
             Stream<Path> tree = Files.walk(sources)) {
            List<Path> java = tree.filter(p -> p.toString().endsWith(".java")).sorted(Comparator.naturalOrder()).toList();
            boolean ok = javac.getTask(log, files, diagnostics, args, null, files.getJavaFileObjectsFromPaths(java)).call();
            return new Compilation(ok, diagnostics.getDiagnostics(), log.toString());
        }
    }

    /** Starts {@code java} with this path plus {@code extra} as its module path. */
    Child launch(Map<String, String> env, List<Path> extra, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", joined(extra.toArray(Path[]::new))));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ASYNCWORKER_"));
        builder.environment().putAll(env);
        return Child.start(builder);
    }

    private String joined(Path... extra) {
        return Stream.concat(entries.stream(), Stream.of(extra)).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** What a compilation said. */
    record Compilation(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, String log) {

        /** The errors, one message a line, for assertion messages. */
        String errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("\n")) + log;
        }
    }
}

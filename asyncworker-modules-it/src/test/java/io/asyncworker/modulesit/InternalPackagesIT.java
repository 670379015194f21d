package io.asyncworker.modulesit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Provides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundary the module descriptors draw: a user module sees the public packages of every
 * published module and none of their {@code internal} packages, neither when it compiles nor when
 * it runs.
 */
class InternalPackagesIT {
    private static final Pattern NOT_VISIBLE = Pattern.compile("package (\\S+) is not visible");

    private static ModulePath path;
    private static Map<String, ModuleDescriptor> modules;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTheDescriptors() throws IOException {
        path = ModulePath.published();
        modules = path.asyncworkerModules();
    }

    @Test
    void everyPublishedModuleHasADescriptorExportingNoInternalPackage() {
        assertThat(modules.keySet()).containsExactlyInAnyOrder("io.asyncworker.core", "io.asyncworker.jackson",
                "io.asyncworker.logback", "io.asyncworker.rabbitmq", "io.asyncworker.sse", "io.asyncworker.http",
                "io.asyncworker.scheduler", "io.asyncworker.tracing", "io.asyncworker.cli");
        for (ModuleDescriptor module : modules.values()) {
            assertThat(module.isAutomatic()).as(module.name()).isFalse();
            assertThat(module.exports()).as(module.name()).allSatisfy(e -> {
                assertThat(e.isQualified()).as(e.source()).isFalse();
                assertThat(e.source()).doesNotContain("internal");
            });
        }
        assertThat(modules.get("io.asyncworker.core").uses())
                .containsExactlyInAnyOrder("io.asyncworker.spi.BackendFactory", "io.asyncworker.spi.DevService");
        for (String backend : List.of("rabbitmq", "sse", "http", "scheduler")) {
            assertThat(modules.get("io.asyncworker." + backend).provides()).extracting(Provides::service)
                    .containsExactly("io.asyncworker.spi.BackendFactory");
        }
    }

    @Test
    void aUserModuleCompilesAgainstEveryExportedPackage() throws IOException {
        Set<String> exported = modules.values().stream().flatMap(m -> m.exports().stream()).map(Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).contains("io.asyncworker", "io.asyncworker.spi", "io.asyncworker.observation",
                "io.asyncworker.http", "io.asyncworker.tracing");

        ModulePath.Compilation compiled = compileUserModule(exported);

        assertThat(compiled.succeeded()).as(compiled.errors()).isTrue();
    }

    @Test
    void aUserModuleCannotCompileAgainstAnyInternalPackage() throws IOException {
        Set<String> internal = modules.values().stream().flatMap(m -> m.packages().stream())
                .filter(p -> p.contains(".internal")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(internal).contains("io.asyncworker.internal", "io.asyncworker.http.internal",
                "io.asyncworker.rabbitmq.internal", "io.asyncworker.cli.internal");

        ModulePath.Compilation compiled = compileUserModule(internal);

        assertThat(compiled.succeeded()).isFalse();
        List<Diagnostic<?>> errors = compiled.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
        assertThat(errors).as(compiled.errors()).allSatisfy(d -> assertThat(d.getCode())
                .isEqualTo("compiler.err.package.not.visible"));
        assertThat(notVisible(errors)).as(compiled.errors()).isEqualTo(internal);
    }

    @Test
    void aModuleCompiledPastTheBoundaryFailsToLinkToAnInternalClass() throws IOException, InterruptedException {
        Path sources = writeModule("sneaky", List.of("io.asyncworker.core"), "",
                "System.out.println(io.asyncworker.internal.Discovery.backendFactories());");
        Path out = dir.resolve("out");
        ModulePath.Compilation compiled = path.compile(sources, out,
                "--add-exports", "io.asyncworker.core/io.asyncworker.internal=sneaky");
        assertThat(compiled.succeeded()).as(compiled.errors()).isTrue();

        try (Child child = path.launch(Map.of(), List.of(out), "-m", "sneaky/sneaky.Main")) {
            assertThat(child.exitCode()).isNotZero();
            assertThat(child.output()).contains("java.lang.IllegalAccessError",
                    "module io.asyncworker.core does not export io.asyncworker.internal to module sneaky");
        }
    }

    /** A module reading every published module, importing every given package on demand. */
    private ModulePath.Compilation compileUserModule(Collection<String> packages) throws IOException {
        String imports = packages.stream().map(p -> "import " + p + ".*;\n").collect(Collectors.joining());
        Path sources = writeModule("user", modules.keySet(), imports, "");
        return path.compile(sources, dir.resolve("out"));
    }

    private Path writeModule(String name, Collection<String> requires, String imports, String body) throws IOException {
        Path root = dir.resolve("src").resolve(name);
        Files.createDirectories(root.resolve(name));
        String requiresAll = requires.stream().sorted().map(m -> "    requires " + m + ";\n").collect(Collectors.joining());
        Files.writeString(root.resolve("module-info.java"), "module " + name + " {\n" + requiresAll + "}\n");
        Files.writeString(root.resolve(name).resolve("Main.java"), "package " + name + ";\n\n" + imports
                + "\npublic final class Main {\n    public static void main(String[] args) {\n        " + body
                + "\n    }\n}\n");
        return root;
    }

    private static Set<String> notVisible(List<Diagnostic<?>> errors) {
        Set<String> packages = new TreeSet<>();
        for (Diagnostic<?> d : errors) {
            Matcher m = NOT_VISIBLE.matcher(d.getMessage(Locale.ROOT));
            if (m.find()) {
                packages.add(m.group(1));
            }
        }
        return packages;
    }
}

package io.asyncworker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.internal.settings.SampleBackendFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendMarkersTest {
    private static final String HTTP = "io.asyncworker.http.internal.HttpBackendFactory";

    @TempDir
    Path dir;

    @Test
    void aMarkerWithoutServiceEntryInADirectoryIsReported() throws IOException {
        Files.createDirectories(dir.resolve(BackendMarkers.DIRECTORY));
        Files.writeString(dir.resolve(BackendMarkers.DIRECTORY + "http"), HTTP + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(BackendMarkers.unregistered(loader, Set.of())).containsExactly("http (" + HTTP + ")");
            assertThat(BackendMarkers.unregistered(loader, Set.of(HTTP))).isEmpty();
        }
    }

    @Test
    void aShadedJarThatLostTheServicesFileIsReportedForEachBackendItKeptAMarkerOf() throws IOException {
        Path jar = jar(List.of("http", HTTP, "sse", "io.asyncworker.sse.internal.SseBackendFactory"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(loader.getResource("META-INF/services/io.asyncworker.spi.BackendFactory")).isNull();
            assertThat(BackendMarkers.unregistered(loader, Set.of("io.asyncworker.sse.internal.SseBackendFactory")))
                    .containsExactly("http (" + HTTP + ")");
        }
    }

    @Test
    void startWarnsOnlyOfBackendsThatAreNeitherDiscoveredNorExplicit() throws IOException {
        Path jar = jar(List.of("sample", SampleBackendFactory.class.getName(), "http", HTTP));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            assertThat(BackendMarkers.warnOfUnregistered(Discovery.backendFactories())).containsExactly("http (" + HTTP + ")");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void theWarningNamesTheLostServicesFileAndTheShadeTransformer() {
        assertThat(BackendMarkers.warning(List.of("http (" + HTTP + ")")))
                .contains("backend http (" + HTTP + ")")
                .contains("META-INF/services/io.asyncworker.spi.BackendFactory")
                .contains("ServicesResourceTransformer");
        assertThat(BackendMarkers.warning(List.of("http (a.Http)", "sse (a.Sse)")))
                .startsWith("asyncworker: backends http (a.Http), sse (a.Sse) are in the application");
    }

    /** A jar with directory entries, as Maven and the Shade plugin write them, holding markers only. */
    private Path jar(List<String> namesAndFactories) throws IOException {
        Path jar = dir.resolve("merged.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String d : List.of("META-INF/", "META-INF/asyncworker/", BackendMarkers.DIRECTORY)) {
                out.putNextEntry(new JarEntry(d));
                out.closeEntry();
            }
            for (int i = 0; i < namesAndFactories.size(); i += 2) {
                out.putNextEntry(new JarEntry(BackendMarkers.DIRECTORY + namesAndFactories.get(i)));
                write(out, namesAndFactories.get(i + 1) + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}

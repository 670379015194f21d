package io.asyncworker.internal;

import io.asyncworker.spi.BackendFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds backends whose jar is there but whose {@code META-INF/services} entry is not. Each backend
 * module ships {@value #DIRECTORY}{@code <name>} holding its factory's class name: a file of its own
 * name, which a merged (shaded) jar keeps even when it keeps only one module's services file.
 */
public final class BackendMarkers {
    /** Where the markers sit, one file per backend. */
    public static final String DIRECTORY = "META-INF/asyncworker/backends/";
    private static final Logger LOG = LoggerFactory.getLogger(BackendMarkers.class);

    private BackendMarkers() {
    }

    /**
     * Logs one WARN when a backend ships a marker but is neither discovered nor given explicitly.
     *
     * @param known the backends the app knows of: those discovered and those it was given explicitly
     * @return the backends warned about, as {@code name (factory class)}; empty when all is well
     */
    public static List<String> warnOfUnregistered(Collection<? extends BackendFactory> known) {
        Set<String> registered = new HashSet<>();
        known.forEach(f -> registered.add(f.getClass().getName()));
        Set<String> missing = new TreeSet<>();
        Discovery.loaders().forEach(loader -> missing.addAll(unregistered(loader, registered)));
        if (!missing.isEmpty()) {
            LOG.warn(warning(missing));
        }
        return List.copyOf(missing);
    }

    /** The markers {@code loader} sees whose factory class is not in {@code registered}. */
    static List<String> unregistered(ClassLoader loader, Set<String> registered) {
        List<String> missing = new ArrayList<>();
        for (Marker m : markers(loader)) {
            if (!registered.contains(m.factory())) {
                missing.add(m.name() + " (" + m.factory() + ")");
            }
        }
        return missing;
    }

    /** The warning for backends that ship but are not registered. */
    static String warning(Collection<String> missing) {
        boolean one = missing.size() == 1;
        return "asyncworker: " + (one ? "backend " : "backends ") + String.join(", ", missing) + (one ? " is" : " are")
                + " in the application but not registered in META-INF/services/" + BackendFactory.class.getName()
                + (one ? ", so it does" : ", so they do") + " not run (without the HTTP "
                + "backend there is no metrics and health server). A jar merged without the Maven Shade plugin's "
                + "ServicesResourceTransformer loses these entries: add the transformer (README, \"One runnable jar\")";
    }

    /** Every marker {@code loader} sees, in every jar or directory it reads. */
    static List<Marker> markers(ClassLoader loader) {
        List<Marker> markers = new ArrayList<>();
        try {
            for (URL directory : Collections.list(loader.getResources(DIRECTORY))) {
                for (String name : names(directory)) {
                    markers.add(new Marker(name, read(URI.create(directory + name).toURL())));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("cannot read the backend markers under {}", DIRECTORY, e);
        }
        return markers;
    }

    /** The file names in a marker directory of a jar or of the file system; none for other kinds. */
    private static List<String> names(URL directory) throws IOException, URISyntaxException {
        if (directory.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            }
        }
        return directory.openConnection() instanceof JarURLConnection jar ? names(jar) : List.of();
    }

    private static List<String> names(JarURLConnection jar) throws IOException {
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            return file.stream().map(JarEntry::getName).filter(n -> n.startsWith(DIRECTORY))
                    .map(n -> n.substring(DIRECTORY.length())).filter(n -> !n.isEmpty() && !n.contains("/"))
                    .sorted().toList();
        }
    }

    private static String read(URL marker) throws IOException {
        URLConnection connection = marker.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** One backend's marker: the file's name and the factory class it names. */
    record Marker(String name, String factory) {
    }
}

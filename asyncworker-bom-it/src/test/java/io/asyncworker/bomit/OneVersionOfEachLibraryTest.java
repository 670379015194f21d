package io.asyncworker.bomit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the Maven coordinates of every jar the tests run with (from each jar's
 * {@code META-INF/maven/.../pom.properties}): what a worker importing only the BOM gets at run time.
 */
class OneVersionOfEachLibraryTest {

    /** groupId:artifactId -> the versions found on the class path. */
    private static final Map<String, Set<String>> JARS = new TreeMap<>();

    @BeforeAll
    static void readClassPath() throws IOException {
        for (URL manifest : Collections.list(OneVersionOfEachLibraryTest.class.getClassLoader()
                .getResources("META-INF/MANIFEST.MF"))) {
            if (manifest.getProtocol().equals("jar")) {
                readJar(((JarURLConnection) manifest.openConnection()).getJarFile());
            }
        }
    }

    private static void readJar(JarFile jar) throws IOException {
        for (JarEntry entry : Collections.list(jar.entries())) {
            if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                Properties p = new Properties();
                try (InputStream in = jar.getInputStream(entry)) {
                    p.load(in);
                }
                JARS.computeIfAbsent(p.getProperty("groupId") + ":" + p.getProperty("artifactId"), k -> new TreeSet<>())
                        .add(p.getProperty("version"));
            }
        }
    }

    /** artifact -> versions, for the artifacts whose groupId starts with the prefix. */
    private static Map<String, Set<String>> family(String groupPrefix) {
        return JARS.entrySet().stream().filter(e -> e.getKey().startsWith(groupPrefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static void assertOneVersion(String groupPrefix, List<String> mustInclude) {
        assertOneVersion(groupPrefix, mustInclude, "");
    }

    private static void assertOneVersion(String groupPrefix, List<String> mustInclude, String except) {
        Map<String, Set<String>> family = family(groupPrefix);
        family.remove(except);
        assertThat(family).as("the %s jars on the class path", groupPrefix).containsKeys(mustInclude.toArray(String[]::new));
        Set<String> versions = family.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(versions).as("versions of %s: %s", groupPrefix, family).hasSize(1);
    }

    @Test
    void everyNettyJarHasTheSameVersion() {
        assertOneVersion("io.netty:", List.of("io.netty:netty-common", "io.netty:netty-transport",
                "io.netty:netty-codec-http", "io.netty:netty-codec-http2", "io.netty:netty-handler"));
    }

    /**
     * jackson-annotations is versioned on its own since 2.20 ({@code 2.22}, no patch) and serves every
     * Jackson 2 (and Jackson 3) release; the BOM pins 2.22, which the dev broker's Jackson 3 needs.
     */
    @Test
    void everyJacksonJarHasTheSameVersionAndAnnotationsOneOfTheirOwn() {
        assertOneVersion("com.fasterxml.jackson.", List.of("com.fasterxml.jackson.core:jackson-core",
                "com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.datatype:jackson-datatype-jsr310"),
                "com.fasterxml.jackson.core:jackson-annotations");
        assertThat(JARS.get("com.fasterxml.jackson.core:jackson-annotations")).containsExactly("2.22");
    }

    @Test
    void everyVertxJarHasTheSameVersion() {
        assertOneVersion("io.vertx:", List.of("io.vertx:vertx-core", "io.vertx:vertx-web"));
    }

    @Test
    void noLibraryIsOnTheClassPathTwice() {
        assertThat(JARS).as("the class path read from the jars").containsKey("com.rabbitmq:amqp-client");
        assertThat(JARS.entrySet()).filteredOn(e -> e.getValue().size() > 1).isEmpty();
    }
}

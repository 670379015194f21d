package io.asyncworker.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncworker.App;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test kit, its in-memory backend included, is written against the public API and SPI only: no
 * compiled class of it names a class of the framework's {@code internal} packages (its own
 * {@code io.asyncworker.test.internal} aside). Read from the constant pools, which hold every class,
 * field and method type a class refers to, and every string constant (a class name given to reflection).
 */
class NoInternalReferencesTest {
    /** A framework-internal name, with slashes (class files) or dots (strings). */
    private static final Pattern INTERNAL = Pattern.compile("io[/.]asyncworker[/.](?:[\\w$]+[/.])*?internal[/.][\\w$/.]*");
    private static final String OWN = "io/asyncworker/test/internal/";

    @Test
    void noClassOfTheTestKitRefersToAFrameworkInternalClass() throws Exception {
        Path root = classesOf(InMemoryRoute.class);
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root.resolve("io/asyncworker/test"))) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("the in-memory backend's classes").extracting(f -> root.relativize(f).toString())
                .contains("io/asyncworker/test/internal/MemoryRoute.class", "io/asyncworker/test/InMemoryRoute.class");

        List<String> found = new ArrayList<>();
        for (Path c : classes) {
            try (InputStream in = Files.newInputStream(c)) {
                frameworkInternals(in).forEach(name -> found.add(root.relativize(c) + " -> " + name));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanFindsTheInternalClassesTheCoresOwnAppRefersTo() throws Exception {
        try (InputStream app = App.class.getResourceAsStream("App.class")) {
            assertThat(frameworkInternals(app)).contains("io/asyncworker/internal/app/AppBuilder");
        }
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The framework-internal names in a class file's constant pool. */
    static List<String> frameworkInternals(InputStream classFile) throws IOException {
        List<String> out = new ArrayList<>();
        for (String text : utf8Constants(classFile)) {
            Matcher m = INTERNAL.matcher(text);
            while (m.find()) {
                String name = m.group().replace('.', '/');
                if (!name.startsWith(OWN)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** Every CONSTANT_Utf8 of a class file (JVMS §4.4): class names, descriptors, strings. */
    private static List<String> utf8Constants(InputStream classFile) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(classFile))) {
            in.readInt();               // magic
            in.readInt();               // minor and major version
            int count = in.readUnsignedShort();
            List<String> out = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 5, 6 -> {      // long and double take two entries
                        in.skipNBytes(8);
                        i++;
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 15 -> in.skipNBytes(3);
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return out;
        }
    }
}

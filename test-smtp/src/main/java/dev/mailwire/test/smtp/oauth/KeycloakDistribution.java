package dev.mailwire.test.smtp.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's Quarkus distribution, unpacked once under the module's {@code target/} and kept there: its first start
 * builds Quarkus for about 16 s and stores the result in the unpacked directory, so later runs start in seconds. The
 * zip comes from the local Maven repository: a module that uses the stack declares
 * {@code org.keycloak:keycloak-quarkus-dist:zip} as a test dependency, so Maven has downloaded it.
 */
final class KeycloakDistribution {

    static final String VERSION = "26.7.3";
    private static final String MARKER = ".mailwire-unpacked";

    private KeycloakDistribution() {}

    /** The unpacked distribution under {@code base}, unpacking it if needed. */
    static Path unpacked(Path base) {
        Path home = base.resolve("keycloak-" + VERSION);
        if (Files.exists(home.resolve(MARKER))) {
            return home;
        }
        Path zip = zip();
        try {
            deleteTree(home);
            Files.createDirectories(base);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    Path target = base.resolve(e.getName()).normalize();
                    if (!target.startsWith(base)) {
                        throw new IOException("zip entry outside the target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = file.getInputStream(e)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                for (Path s : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                    s.toFile().setExecutable(true);
                }
            }
            Files.writeString(home.resolve(MARKER), zip.toString());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + base, e);
        }
    }

    /** A JDK 21 or newer: Keycloak 26 needs one, while Mailwire's tests run on 17. */
    static Path javaHome() {
        String configured = System.getProperty("mailwire.keycloak.java-home", System.getenv("KEYCLOAK_JAVA_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            Optional<Path> found = jdks.filter(p -> Files.isExecutable(p.resolve("bin/java")))
                    .filter(p -> feature(p) >= 21)
                    .max(Comparator.comparingInt(KeycloakDistribution::feature));
            return found.orElseThrow(() -> new IllegalStateException(
                    "Keycloak " + VERSION + " needs a JDK 21 or newer: none in /usr/lib/jvm; install one or set"
                            + " -Dmailwire.keycloak.java-home (or KEYCLOAK_JAVA_HOME)"));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak needs a JDK 21+; cannot list /usr/lib/jvm", e);
        }
    }

    private static int feature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static Path zip() {
        String repo = System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path zip = Path.of(
                repo, "org", "keycloak", "keycloak-quarkus-dist", VERSION, "keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak's distribution is not in the local Maven repository (" + zip
                    + "): declare org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip as a test dependency of the"
                    + " module, or run `./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:"
                    + VERSION + ":zip`");
        }
        return zip;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

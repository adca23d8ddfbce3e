package dev.mailwire.it.userwar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The WAR Maven builds from the documented dependencies ships mailwire-cdi and mailwire-mp-health, and none of the
 * jars the deployed RAR or the server already bring: a second mailwire-api breaks the connection factory's lookup
 * (ClassCastException), and a second Jakarta Mail or Angus depends on the server's class loading order to be harmless.
 */
class UserWarBundlesNoJarOfTheRarOrServerTest {

    /** What must never be in WEB-INF/lib, as file name prefixes. */
    private static final List<String> FORBIDDEN = List.of(
            "mailwire-api",
            "mailwire-jca",
            "angus-mail",
            "angus-activation",
            "jakarta.mail",
            "jakarta.activation",
            "jakarta.resource-api",
            "microprofile-config-api",
            "microprofile-health-api");

    @Test
    void libHoldsOnlyMailwireCdiAndHealth() throws IOException {
        List<String> lib = libraries();

        assertThat(lib).anyMatch(jar -> jar.startsWith("mailwire-cdi-"));
        assertThat(lib).anyMatch(jar -> jar.startsWith("mailwire-mp-health-"));
        for (String prefix : FORBIDDEN) {
            assertThat(lib).as("WEB-INF/lib must not bundle " + prefix).noneMatch(jar -> jar.startsWith(prefix));
        }
    }

    @Test
    void manifestGivesWildFlyTheRarsClasses() throws IOException {
        try (JarFile war = new JarFile(war().toFile())) {
            Manifest manifest = war.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Dependencies")).isEqualTo("deployment.mailwire.rar");
        }
    }

    private static List<String> libraries() throws IOException {
        try (JarFile war = new JarFile(war().toFile())) {
            return Collections.list(war.entries()).stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("WEB-INF/lib/".length()))
                    .toList();
        }
    }

    private static Path war() {
        return Path.of(System.getProperty("mailwire.it.user-war"));
    }
}

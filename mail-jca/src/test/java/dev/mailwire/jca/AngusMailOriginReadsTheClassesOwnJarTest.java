package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version the adapter reports is the one of the jar its SMTPTransport came from: Angus 2.0.x jars have no
 * Implementation-Version, so the Bundle-Version of that jar's own manifest, never the first manifest the class loader
 * happens to find.
 */
class AngusMailOriginReadsTheClassesOwnJarTest {

    @Test
    void theAngusMailwireIsBuiltOnReportsItsVersionAndJar() {
        AngusMailOrigin origin = AngusMailOrigin.of(SMTPTransport.class);

        // The test class path holds the project's managed Angus Mail: the floor in the check must be that version.
        assertThat(origin.version()).contains(AngusMailCheck.BUILT_ON);
        assertThat(origin.location()).startsWith("file:").endsWith("/angus-mail-" + AngusMailCheck.BUILT_ON + ".jar");
    }

    @Test
    void anotherJarsManifestFirstOnTheClassPathIsNotTaken(@TempDir Path dir) throws Exception {
        Path decoy = dir.resolve("decoy.jar");
        writeJarWithOnlyAManifest(decoy, "2.0.3");
        URL[] path = {
            decoy.toUri().toURL(), jarOf(SMTPTransport.class), jarOf(Transport.class), jarOf(DataHandler.class)
        };
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            Class<?> transport = Class.forName(SMTPTransport.class.getName(), false, loader);
            assertThat(loader.getResource("META-INF/MANIFEST.MF").toString()).contains("decoy.jar");

            AngusMailOrigin origin = AngusMailOrigin.of(transport);

            assertThat(origin.version()).contains(AngusMailCheck.BUILT_ON);
            assertThat(origin.location()).doesNotContain("decoy");
        }
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static void writeJarWithOnlyAManifest(Path jar, String bundleVersion) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-Version", bundleVersion);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all it holds
        }
    }
}

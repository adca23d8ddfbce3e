package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.cdi.deployment.DefaultMailerClient;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DKIM key that cannot sign fails the deployment, naming the key's setting and why, never the first send: a
 * missing file, a file that is not a PKCS#8 key, an RSA key too short for verifiers, a key store without the entry
 * or opened with a wrong password.
 * The message quotes no key material and no password.
 */
class BadDkimKeyFailsDeploymentTest {

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertRefused(key(dir.resolve("absent.pem")), "private-key", "does not exist");
    }

    @Test
    void notAPrivateKey() throws Exception {
        Path file = Files.writeString(
                dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        assertRefused(key(file), "private-key", "not a PKCS#8 PEM private key");
    }

    @Test
    void pkcs1Format() throws Exception {
        Path file = Files.writeString(
                dir.resolve("old.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertRefused(key(file), "private-key", "openssl pkcs8 -topk8");
    }

    @Test
    void rsaKeyTooShort() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(512);
        Path file =
                DkimTestKeys.pem(dir.resolve("short.pem"), g.generateKeyPair().getPrivate());
        assertRefused(key(file), "private-key", "512-bit RSA key, too short");
    }

    @Test
    void keyStoreWithoutTheEntry() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("empty.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "store-secret".toCharArray());
        }
        Map<String, String> p = base();
        p.put("mailwire.mailer.dkim.s1.domain", "example.org");
        p.put("mailwire.mailer.dkim.s1.key-store", file.toString());
        p.put("mailwire.mailer.dkim.s1.key-store-password", "store-secret");
        String message = assertRefused(p, "key-store", "no private key entry 's1'");
        assertThat(message).doesNotContain("store-secret");
    }

    @Test
    void keyStoreWithAWrongPassword() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve("locked.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "store-secret".toCharArray());
        }
        Map<String, String> p = base();
        p.put("mailwire.mailer.dkim.s1.domain", "example.org");
        p.put("mailwire.mailer.dkim.s1.key-store", file.toString());
        p.put("mailwire.mailer.dkim.s1.key-store-password", "not-the-secret");
        String message = assertRefused(p, "key-store", "cannot be opened");
        assertThat(message).doesNotContain("not-the-secret").doesNotContain("store-secret");
    }

    @Test
    void domainMissing() throws Exception {
        Map<String, String> p = key(dir.resolve("any.pem"));
        p.remove("mailwire.mailer.dkim.s1.domain");
        assertRefused(p, "domain", "missing");
    }

    @Test
    void defaultFromOfAnotherDomain() {
        Map<String, String> p = key(DkimTestKeys.pem(dir.resolve("ok.pem"), ed25519()));
        p.put("mailwire.mailer.from", "Shop <shop@example.net>");
        Throwable thrown = boot(p);
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        assertThat(thrown.getMessage())
                .contains("MWCDI-011")
                .contains("mailwire.mailer.from")
                .contains("example.net")
                .contains("[example.org]");
    }

    private static Map<String, String> base() {
        Map<String, String> p = new HashMap<>();
        p.put("mailwire.mailer.mock", "true");
        p.put("mailwire.mailer.from", "app@example.org");
        return p;
    }

    private static Map<String, String> key(Path file) {
        Map<String, String> p = base();
        p.put("mailwire.mailer.dkim.s1.domain", "example.org");
        p.put("mailwire.mailer.dkim.s1.private-key", file.toString());
        return p;
    }

    private static java.security.PrivateKey ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable boot(Map<String, String> settings) {
        try (TestConfig c = TestConfig.use(settings)) {
            return catchThrowable(() -> {
                try (WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                    // never reached
                }
            });
        }
    }

    private static String assertRefused(Map<String, String> settings, String field, String reason) {
        Throwable thrown = boot(settings);
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        String message = String.valueOf(thrown.getMessage());
        assertThat(message)
                .contains("MWCDI-010")
                .contains("mailwire.mailer.dkim.s1." + field)
                .contains(reason);
        return message;
    }
}

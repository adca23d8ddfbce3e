package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM keys kept as entries of a PKCS#12 key store, as a server keeps its keys (made by the JDK's {@code keytool},
 * an RSA-2048 and an Ed25519 entry), sign mail that a real Postfix delivers and dkimpy verifies with both public
 * keys: the key store settings ({@code key-store}, {@code key-store-password}, {@code key-alias}) select the entries,
 * the label being the alias unless {@code key-alias} names another.
 */
@Timeout(180)
class DkimKeyStoreEntrySignsTest {

    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    Path dir;

    @Test
    void bothEntriesSignAndVerify() throws Exception {
        Path store = dir.resolve("server-keys.p12");
        keytool(store, "RSA", "s2026", "-keysize", "2048");
        keytool(store, "Ed25519", "mail-ed25519");
        try (PrivatePostfix postfix =
                PrivatePostfix.builder().user("app", "app-secret").start()) {
            String domain = postfix.domain();
            Map<String, String> settings = new java.util.HashMap<>(ServerSettings.of("<default>", postfix, "app"));
            settings.put("mailwire.mailer.dkim.s2026.domain", domain);
            settings.put("mailwire.mailer.dkim.s2026.key-store", store.toString());
            settings.put("mailwire.mailer.dkim.s2026.key-store-password", STORE_PASSWORD);
            settings.put("mailwire.mailer.dkim.e2026.domain", domain);
            settings.put("mailwire.mailer.dkim.e2026.key-store", store.toString());
            settings.put("mailwire.mailer.dkim.e2026.key-store-password", STORE_PASSWORD);
            settings.put("mailwire.mailer.dkim.e2026.key-alias", "mail-ed25519");

            Containers.sendWithDefaultMailer(
                    settings,
                    Mail.builder()
                            .to(postfix.address("app"))
                            .subject("Signed with keys from a key store")
                            .text("Hello Ada")
                            .build());

            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            KeyStore keys = load(store);
            DkimVerifier.Result verdict = new DkimVerifier()
                    .publish("s2026", domain, keys.getCertificate("s2026").getPublicKey())
                    .publish(
                            "e2026", domain, keys.getCertificate("mail-ed25519").getPublicKey())
                    .verify(delivered.file());
            assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
            assertThat(verdict.passedWith("rsa-sha256")).hasSize(1);
            assertThat(verdict.passedWith("ed25519-sha256")).hasSize(1);
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    /** Adds a key pair with a self-signed certificate, as an operator would with the JDK's keytool. */
    private static void keytool(Path store, String algorithm, String alias, String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-keystore",
                store.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                STORE_PASSWORD,
                "-alias",
                alias,
                "-keyalg",
                algorithm,
                "-dname",
                "CN=" + alias,
                "-validity",
                "30"));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s");
        }
        String output = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}

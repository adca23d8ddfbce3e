package dev.mailwire.test.smtp.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS#12 key store with an OAuth2 client's private key and self-signed certificate, made at test time with the
 * JDK's {@code keytool} (no private key is committed): what an operator uploads to Microsoft Entra ID as a
 * certificate credential, and here what Keycloak's {@code client-jwt} client knows
 * ({@code jwt.credential.certificate}).
 */
public final class ClientKeyStore {

    /** The password of every such store (and its key): a test value, in {@link OAuthStack#configuredSecrets()}. */
    public static final String PASSWORD = "client-assertion-store-password";

    public static final String ALIAS = "client";

    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private final Path file;

    private ClientKeyStore(Path file) {
        this.file = file;
    }

    /** The store at {@code file} if it is there, else a new one with an RSA 2048 key. */
    static ClientKeyStore reuseOrCreate(Path file) {
        return Files.isRegularFile(file) ? new ClientKeyStore(file) : create(file, "RSA", "2048");
    }

    /**
     * A new store at {@code file} (replacing any), its key made by keytool with {@code keyAlgorithm} ({@code RSA},
     * {@code EC}) of {@code size} ({@code 2048}; {@code secp256r1} for EC, given as the group name).
     */
    public static ClientKeyStore create(Path file, String keyAlgorithm, String size) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    keyAlgorithm,
                    keyAlgorithm.equals("EC") ? "-groupname" : "-keysize",
                    size,
                    "-validity",
                    "3650",
                    "-dname",
                    "CN=mailwire-test-client",
                    "-keystore",
                    file.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool -genkeypair failed: " + output.trim());
            }
            return new ClientKeyStore(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the key store " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The certificate's DER in base64, as Keycloak's {@code jwt.credential.certificate} takes it. */
    public String certificateBase64() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            return Base64.getEncoder().encodeToString(ks.getCertificate(ALIAS).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate in " + file, e);
        }
    }
}

package dev.mailwire.cdi;

import dev.mailwire.test.smtp.dkim.DkimVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * An RSA-2048 and an Ed25519 key pair for one signing domain, the private keys written as PKCS#8 PEM files (as
 * {@code openssl genpkey} writes them), the settings that make a mailer sign with both, and a verifier that knows
 * both public keys.
 */
public final class DkimTestKeys {

    public static final String RSA_SELECTOR = "rsa2048";
    public static final String ED_SELECTOR = "ed2026";

    private final String domain;
    private final KeyPair rsa;
    private final KeyPair ed;
    private final Path rsaFile;
    private final Path edFile;

    private DkimTestKeys(String domain, Path dir) {
        this.domain = domain;
        try {
            KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
            r.initialize(2048);
            rsa = r.generateKeyPair();
            ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        rsaFile = pem(dir.resolve(RSA_SELECTOR + ".pem"), rsa.getPrivate());
        edFile = pem(dir.resolve(ED_SELECTOR + ".pem"), ed.getPrivate());
    }

    /** New keys for {@code domain}, their files in {@code dir}. */
    public static DkimTestKeys generate(String domain, Path dir) {
        return new DkimTestKeys(domain, dir);
    }

    /** Writes {@code key} as a PKCS#8 PEM file. */
    public static Path pem(Path file, PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        try {
            return Files.writeString(
                    file,
                    "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both keys for the default mailer added to {@code settings}. */
    public Map<String, String> signWithBoth(Map<String, String> settings) {
        Map<String, String> p = new HashMap<>(settings);
        p.put("mailwire.mailer.dkim." + RSA_SELECTOR + ".domain", domain);
        p.put("mailwire.mailer.dkim." + RSA_SELECTOR + ".private-key", rsaFile.toString());
        p.put("mailwire.mailer.dkim." + ED_SELECTOR + ".domain", domain);
        p.put("mailwire.mailer.dkim." + ED_SELECTOR + ".private-key", edFile.toString());
        return p;
    }

    /** dkimpy, with both public keys published for it. */
    public DkimVerifier verifier() {
        return new DkimVerifier()
                .publish(RSA_SELECTOR, domain, rsa.getPublic())
                .publish(ED_SELECTOR, domain, ed.getPublic());
    }

    public String domain() {
        return domain;
    }

    public Path rsaFile() {
        return rsaFile;
    }
}

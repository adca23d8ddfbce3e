package dev.mailwire.cdi.internal.dkim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads DKIM private keys, checked for use: a PKCS#8 PEM file ({@code openssl genpkey} writes one) or an entry of a
 * key store. Each failure is an {@link IllegalArgumentException} whose message says what is wrong and what to do,
 * and never holds key material or a password.
 */
public final class PrivateKeys {

    /** RFC 8301 §3.2: verifiers must not accept RSA keys under 1024 bits; 2048 is what to generate. */
    public static final int MIN_RSA_BITS = 1024;

    private static final String PKCS8 = "-----BEGIN PRIVATE KEY-----";

    private PrivateKeys() {}

    /** The key in a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}), RSA or Ed25519. */
    public static PrivateKey fromPem(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("the file " + file + " cannot be read (" + e.getMessage() + ")");
        }
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the file " + file + " holds a PKCS#1 key; convert it to PKCS#8 with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW`");
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("the file " + file + " holds an encrypted key; give an unencrypted"
                    + " PKCS#8 file readable by this server only, or put the key in a key store");
        }
        int start = text.indexOf(PKCS8);
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the file " + file + " is not a PKCS#8 PEM private key (expected "
                    + PKCS8 + "; `openssl genpkey` writes one)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(start + PKCS8.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the file " + file + " holds a PEM block that is not valid base64");
        }
        return checked(decode(der, file.toString()), file.toString());
    }

    /**
     * The private key of entry {@code alias} in a key store file.
     *
     * @param type the key store type, such as PKCS12 or JKS
     * @param keyPassword the entry's password; the store's password when null
     */
    public static PrivateKey fromKeyStore(
            Path file, String type, char[] storePassword, String alias, char[] keyPassword) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance(type);
            store.load(in, storePassword);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the key store " + file + " does not exist");
        } catch (IOException | GeneralSecurityException e) {
            // The message of a wrong password is "keystore password was incorrect": no secret in it.
            throw new IllegalArgumentException(
                    "the key store " + file + " (type " + type + ") cannot be opened (" + e.getMessage() + ")");
        }
        Key key;
        try {
            key = store.getKey(alias, keyPassword != null ? keyPassword : storePassword);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "the entry '" + alias + "' of " + file + " cannot be read (" + e.getMessage() + ")");
        }
        if (!(key instanceof PrivateKey privateKey)) {
            throw new IllegalArgumentException("the key store " + file + " has no private key entry '" + alias + "'");
        }
        return checked(privateKey, file + " entry '" + alias + "'");
    }

    private static PrivateKey decode(byte[] der, String source) {
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IllegalArgumentException(source + " holds neither an RSA nor an Ed25519 private key");
    }

    private static PrivateKey checked(PrivateKey key, String source) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new IllegalArgumentException(source + " holds a " + bits + "-bit RSA key, too short: verifiers"
                        + " ignore RSA keys under " + MIN_RSA_BITS + " bits (RFC 8301); generate 2048 bits");
            }
            return key;
        }
        try {
            DkimAlgorithm.of(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " holds an " + key.getAlgorithm()
                    + " key; DKIM signs with RSA (rsa-sha256) or Ed25519 (ed25519-sha256)");
        }
        return key;
    }
}

package dev.mailwire.jca.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The private key an OAuth2 client signs its client assertions with, and its certificate, read once from a PKCS#12
 * key store when the factory's settings are checked (not at each token request). The certificate is what the issuer
 * knows the client by: Microsoft Entra ID finds it by its thumbprint ({@code x5t#S256}, older docs {@code x5t}),
 * so both go into each assertion's header, and so does a {@code kid} naming the public key.
 *
 * <p>Equal keys have equal certificates: a new certificate is a new OAuth2 identity (its connections drain), the
 * same one loaded again is not. Never shows the key, nor the store's password, which is wiped after use.
 */
public final class ClientAssertionKey {

    /** What made a key store unusable; the message names the problem, never the password. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String problem) {
            super(problem);
        }
    }

    private final PrivateKey key;
    private final String alias;
    private final SigningAlgorithm algorithm;
    private final String sha256Thumbprint;
    private final String sha1Thumbprint;
    private final String keyId;

    private ClientAssertionKey(PrivateKey key, String alias, SigningAlgorithm algorithm, X509Certificate cert)
            throws CertificateEncodingException {
        this.key = key;
        this.alias = alias;
        this.algorithm = algorithm;
        byte[] der = cert.getEncoded();
        this.sha256Thumbprint = base64Url(digest("SHA-256", der));
        this.sha1Thumbprint = base64Url(digest("SHA-1", der));
        // The SHA-256 of the public key's SubjectPublicKeyInfo: the id Keycloak gives a key it reads from a
        // client's certificate, and a stable name for it at any issuer that looks keys up by kid.
        this.keyId = base64Url(digest("SHA-256", cert.getPublicKey().getEncoded()));
    }

    /**
     * Reads the private key entry {@code alias} (null: the store's only one) of the PKCS#12 file {@code store}.
     *
     * @param password the store's password, also the key's; wiped before this returns
     * @throws Unusable the file is missing or unreadable, the password wrong, the alias absent or not a private key
     *     with a certificate, or the key neither RSA (2048 bits or more) nor EC P-256, P-384 or P-521
     */
    public static ClientAssertionKey load(Path store, char[] password, String alias) throws Unusable {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, password);
            } catch (NoSuchFileException e) {
                throw new Unusable("the key store file " + store + " does not exist");
            } catch (IOException e) {
                // A wrong password and a damaged file look alike to PKCS#12: an integrity check failure.
                throw new Unusable("the key store " + store + " could not be read: wrong password, or not a PKCS#12"
                        + " file (" + e.getClass().getSimpleName() + ")");
            }
            String entry = alias == null ? onlyKey(ks, store) : alias;
            if (!ks.containsAlias(entry)) {
                throw new Unusable("the key store " + store + " has no entry '" + entry + "' (it has "
                        + Collections.list(ks.aliases()) + ")");
            }
            Key key;
            try {
                key = ks.getKey(entry, password);
            } catch (UnrecoverableKeyException e) {
                throw new Unusable("the key '" + entry + "' cannot be recovered with the key store's password");
            }
            if (!(key instanceof PrivateKey pk) || !(ks.getCertificate(entry) instanceof X509Certificate cert)) {
                throw new Unusable("the entry '" + entry + "' is not a private key with its certificate");
            }
            SigningAlgorithm algorithm = SigningAlgorithm.of(pk)
                    .orElseThrow(() -> new Unusable("the key '" + entry + "' is " + describe(pk)
                            + "; a client assertion is signed with an RSA key of 2048 bits or more (RS256) or an EC"
                            + " key on P-256, P-384 or P-521 (ES256, ES384, ES512)"));
            return new ClientAssertionKey(pk, entry, algorithm, cert);
        } catch (GeneralSecurityException e) {
            throw new Unusable("the key store " + store + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static String onlyKey(KeyStore ks, Path store) throws GeneralSecurityException, Unusable {
        List<String> keys = new ArrayList<>();
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                keys.add(a);
            }
        }
        if (keys.size() != 1) {
            throw new Unusable("the key store " + store + " holds " + keys.size() + " private keys " + keys
                    + ": set oauth2.client-assertion.key-alias to the one to sign with");
        }
        return keys.get(0);
    }

    private static String describe(PrivateKey pk) {
        if (pk instanceof RSAKey rsa) {
            return "an RSA key of " + rsa.getModulus().bitLength() + " bits";
        }
        if (pk instanceof ECKey ec) {
            return "an EC key of " + ec.getParams().getOrder().bitLength() + " bits";
        }
        return "a " + pk.getAlgorithm() + " key";
    }

    PrivateKey privateKey() {
        return key;
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** Base64url SHA-256 of the certificate's DER: the header's {@code x5t#S256}. */
    public String sha256Thumbprint() {
        return sha256Thumbprint;
    }

    String sha1Thumbprint() {
        return sha1Thumbprint;
    }

    String keyId() {
        return keyId;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientAssertionKey other
                && sha256Thumbprint.equals(other.sha256Thumbprint)
                && alias.equals(other.alias);
    }

    @Override
    public int hashCode() {
        return sha256Thumbprint.hashCode();
    }

    @Override
    public String toString() {
        // The certificate's thumbprint is public (the issuer shows it); the key is not.
        return "ClientAssertionKey[" + alias + ", " + algorithm.jwsName() + ", x5t#S256=" + sha256Thumbprint + "]";
    }
}

package dev.mailwire.cdi.internal.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;

/** The two signing algorithms a DKIM verifier must know today: RFC 6376's rsa-sha256 and RFC 8463's ed25519-sha256. */
public enum DkimAlgorithm {
    /** RSA PKCS#1 v1.5 over SHA-256 of the canonical header data (RFC 6376 §3.3.1). */
    RSA_SHA256("rsa-sha256", "rsa"),
    /**
     * Ed25519 over the SHA-256 <em>hash</em> of the canonical header data (RFC 8463 §3), not over the data itself:
     * the Java DKIM libraries on Maven Central sign the data, and dkimpy and OpenDKIM reject what they sign.
     */
    ED25519_SHA256("ed25519-sha256", "ed25519");

    private final String tag;
    private final String keyType;

    DkimAlgorithm(String tag, String keyType) {
        this.tag = tag;
        this.keyType = keyType;
    }

    /** The {@code a=} tag value. */
    public String tag() {
        return tag;
    }

    /** The {@code k=} value of the DNS key record. */
    public String keyType() {
        return keyType;
    }

    /** The algorithm of {@code key}, by the JCA algorithm name of the key. */
    static DkimAlgorithm of(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> RSA_SHA256;
            case "Ed25519", "EdDSA" -> ED25519_SHA256;
            default -> throw new IllegalArgumentException("not an RSA or Ed25519 key: " + key.getAlgorithm());
        };
    }

    /** The {@code b=} bytes over {@code headerData}, the canonicalized signed headers. */
    byte[] sign(PrivateKey key, byte[] headerData) throws GeneralSecurityException {
        Signature signature;
        byte[] input;
        if (this == RSA_SHA256) {
            signature = Signature.getInstance("SHA256withRSA");
            input = headerData;
        } else {
            signature = Signature.getInstance("Ed25519");
            input = MessageDigest.getInstance("SHA-256").digest(headerData);
        }
        signature.initSign(key);
        signature.update(input);
        return signature.sign();
    }
}

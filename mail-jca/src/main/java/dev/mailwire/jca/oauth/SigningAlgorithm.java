package dev.mailwire.jca.oauth;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Optional;

/**
 * The JWS algorithms a client assertion is signed with, each with the JDK's name for it. RSA signs RS256, which
 * every issuer takes (Entra ID, Keycloak, Okta, Google); PS256 would be Entra ID's newer preference but is not
 * universally accepted. EC keys sign with the curve's algorithm, in the fixed-length R||S form JWS needs (RFC 7518
 * §3.4), which the JDK produces itself with its {@code inP1363Format} signatures.
 */
enum SigningAlgorithm {
    RS256("SHA256withRSA"),
    ES256("SHA256withECDSAinP1363Format"),
    ES384("SHA384withECDSAinP1363Format"),
    ES512("SHA512withECDSAinP1363Format");

    /** NIST SP 800-131A and RFC 7518 §3.3: shorter RSA keys are refused. */
    static final int MIN_RSA_BITS = 2048;

    private final String jdkName;

    SigningAlgorithm(String jdkName) {
        this.jdkName = jdkName;
    }

    String jwsName() {
        return name();
    }

    String jdkName() {
        return jdkName;
    }

    /** The algorithm for {@code key}, or empty for a key a client assertion cannot be signed with. */
    static Optional<SigningAlgorithm> of(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength() >= MIN_RSA_BITS ? Optional.of(RS256) : Optional.empty();
        }
        if (key instanceof ECKey ec) {
            return switch (ec.getParams().getOrder().bitLength()) {
                case 256 -> Optional.of(ES256);
                case 384 -> Optional.of(ES384);
                case 521 -> Optional.of(ES512);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}

package dev.mailwire.jca.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;

/**
 * A client assertion (RFC 7523 §2.2, OpenID Connect {@code private_key_jwt}): a JWT the client signs for one token
 * request, in place of a client secret. Issuer and subject are the client id, the audience is the token endpoint,
 * and a random {@code jti} makes each one single-use: issuers remember the {@code jti}s they saw until the
 * assertion expires and refuse a second one, so an assertion is made afresh for every request, never cached.
 * It lives {@link #LIFETIME}: long enough for a slow request and some clock skew, short enough to be worth little to
 * anyone who sees it.
 */
final class ClientAssertion {

    /** The {@code client_assertion_type} of a JWT client assertion (RFC 7523 §2.2). */
    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientAssertion() {}

    /** A new signed assertion of {@code clientId} for {@code tokenEndpoint}, issued at {@code now}. */
    static String sign(ClientAssertionKey key, String clientId, URI tokenEndpoint, Instant now) {
        long iat = now.getEpochSecond();
        String header = "{\"alg\":\"" + key.algorithm().jwsName() + "\",\"typ\":\"JWT\",\"kid\":\"" + key.keyId()
                + "\",\"x5t\":\"" + key.sha1Thumbprint() + "\",\"x5t#S256\":\"" + key.sha256Thumbprint() + "\"}";
        String claims = "{\"iss\":" + quote(clientId) + ",\"sub\":" + quote(clientId) + ",\"aud\":"
                + quote(tokenEndpoint.toString()) + ",\"jti\":\"" + jti() + "\",\"iat\":" + iat + ",\"nbf\":" + iat
                + ",\"exp\":" + (iat + LIFETIME.toSeconds()) + "}";
        String signingInput = part(header) + "." + part(claims);
        try {
            Signature signer = Signature.getInstance(key.algorithm().jdkName());
            signer.initSign(key.privateKey());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ClientAssertionKey.base64Url(signer.sign());
        } catch (GeneralSecurityException e) {
            // The key was checked when it was loaded; a provider that refuses it now is a broken JDK.
            throw new IllegalStateException(
                    "cannot sign a client assertion with " + key.algorithm().jdkName() + " ("
                            + e.getClass().getSimpleName() + ")",
                    null);
        }
    }

    /** 128 random bits: unique per assertion, as the issuer's replay check needs. */
    private static String jti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ClientAssertionKey.base64Url(bytes);
    }

    private static String part(String json) {
        return ClientAssertionKey.base64Url(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string: the client id and the endpoint are configuration, so quotes and controls are escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

package dev.mailwire.cdi.internal.dkim;

import java.security.PrivateKey;
import java.util.Locale;
import java.util.Objects;

/**
 * One signing key: the domain that takes responsibility ({@code d=}), the selector under which its public key is
 * published ({@code s=}, at {@code <selector>._domainkey.<domain>}), and the private key.
 *
 * @param domain the signing domain, in A-labels (ASCII), lower case
 * @param selector the selector
 * @param key the private key, RSA (at least 1024 bits) or Ed25519
 */
public record DkimKey(String domain, String selector, PrivateKey key) {

    public DkimKey {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(key, "key");
        domain = domain.toLowerCase(Locale.ROOT);
    }

    public DkimAlgorithm algorithm() {
        return DkimAlgorithm.of(key);
    }

    /** Names the key by selector and domain; never the key material. */
    @Override
    public String toString() {
        return "DkimKey[" + selector + "._domainkey." + domain + ", "
                + algorithm().tag() + "]";
    }
}

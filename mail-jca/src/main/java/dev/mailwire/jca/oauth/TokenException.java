package dev.mailwire.jca.oauth;

import dev.mailwire.jca.JcaMessages;

/**
 * A token could not be had: the endpoint is down, silent, or refused the grant. The message names the mailer, the
 * endpoint and the setting to check; never a secret or a token. The cause, if any, is the JDK's I/O exception, whose
 * text names only the host.
 */
public final class TokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is said of the endpoint when the asking thread was interrupted, wherever that happens. */
    static final String INTERRUPTED = "was not asked: the thread was interrupted";

    private final boolean refused;

    TokenException(OAuth2Config config, String what, Throwable cause, boolean refused) {
        super(JcaMessages.TOKEN_ENDPOINT_FAILED.format(config.mailer(), config.tokenEndpoint(), what), cause);
        this.refused = refused;
    }

    TokenException(String message, TokenException cause) {
        super(message, cause);
        this.refused = cause.refused;
    }

    /** Whether the issuer refused the credentials (as opposed to being unreachable): retrying will not help. */
    public boolean refused() {
        return refused;
    }
}

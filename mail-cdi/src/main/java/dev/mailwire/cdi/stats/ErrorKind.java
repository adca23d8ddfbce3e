package dev.mailwire.cdi.stats;

import dev.mailwire.InvalidMailException;
import dev.mailwire.MailerConfigurationException;
import dev.mailwire.PoolExhaustedException;
import dev.mailwire.SendTimeoutException;
import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.SmtpTlsException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Why a send or a health probe failed, told apart from the {@code MailerException} subtype, and for connection
 * failures from the JDK exception underneath (the resource adapter maps both DNS and refused connections to {@link
 * SmtpConnectionException}). The {@link #label()} is the value of the {@code error.type} metric attribute and of the
 * health check's reason.
 *
 * <p>Beyond the specifications: a Mailwire API; the set may grow, labels never change.
 */
public enum ErrorKind {
    /** The host name did not resolve (check the setting {@code host}). */
    DNS(true),
    /** Nothing listens on host:port, or a firewall refused the connection. */
    REFUSED(true),
    /** STARTTLS was not offered, or the TLS handshake failed (trust, host name, protocol). */
    TLS(true),
    /** The server refused the credentials, or did not offer AUTH. */
    AUTH(true),
    /** A connect, read or send timeout passed. */
    TIMEOUT(true),
    /** Any other failure of the connection: reset, closed by the server (421), broken pipe. */
    CONNECTION(true),
    /** Every pooled connection stayed in use for {@code pool.acquire-timeout}. */
    POOL_EXHAUSTED(false),
    /** The mail itself was refused before sending (bad address, too large). */
    INVALID(false),
    /** A setting is wrong or missing. */
    CONFIGURATION(false),
    /** Anything else (a bug, an unexpected runtime error). */
    OTHER(false);

    private final boolean serverUnusable;

    ErrorKind(boolean serverUnusable) {
        this.serverUnusable = serverUnusable;
    }

    /** Lower case, as in metrics and health data: {@code dns}, {@code refused}, {@code pool_exhausted}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this failure says the SMTP server cannot be used now (what readiness reports), not the mail. */
    public boolean serverUnusable() {
        return serverUnusable;
    }

    /** The kind of {@code failure}; {@link #OTHER} for anything Mailwire does not map. */
    public static ErrorKind of(Throwable failure) {
        if (failure instanceof SendTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof SmtpTlsException) {
            return TLS;
        }
        if (failure instanceof SmtpAuthenticationException) {
            return AUTH;
        }
        if (failure instanceof PoolExhaustedException) {
            return POOL_EXHAUSTED;
        }
        if (failure instanceof InvalidMailException) {
            return INVALID;
        }
        if (failure instanceof MailerConfigurationException) {
            return CONFIGURATION;
        }
        if (failure instanceof SmtpConnectionException) {
            if (has(failure, UnknownHostException.class)) {
                return DNS;
            }
            return has(failure, ConnectException.class) ? REFUSED : CONNECTION;
        }
        return OTHER;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 20; c = next(c), depth++) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null && t.getCause() != t) {
            return t.getCause();
        }
        // Angus chains the socket's exception as the "next exception", not always as the cause.
        return t instanceof jakarta.mail.MessagingException m ? m.getNextException() : null;
    }
}

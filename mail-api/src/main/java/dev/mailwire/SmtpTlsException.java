package dev.mailwire;

/**
 * TLS could not be established as configured: STARTTLS not offered, a certificate that is not trusted or names
 * another host, no common protocol. Mailwire fails closed: nothing is sent in clear instead.
 */
public class SmtpTlsException extends SmtpConnectionException {

    private static final long serialVersionUID = 1L;

    public SmtpTlsException(String mailer, String message, Throwable cause) {
        super(mailer, message, cause);
    }
}

package dev.mailwire;

/**
 * No usable connection to the SMTP server: DNS, refused, reset, closed by the server (421). Usually transient: the
 * same mail may succeed later.
 */
public class SmtpConnectionException extends MailerException {

    private static final long serialVersionUID = 1L;

    public SmtpConnectionException(String mailer, String message, Throwable cause) {
        super(mailer, message, cause);
    }
}

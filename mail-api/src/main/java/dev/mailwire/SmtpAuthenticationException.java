package dev.mailwire;

/** The server refused the credentials, or offered no AUTH mechanism that Mailwire may use. */
public class SmtpAuthenticationException extends SmtpConnectionException {

    private static final long serialVersionUID = 1L;

    public SmtpAuthenticationException(String mailer, String message, Throwable cause) {
        super(mailer, message, cause);
    }
}

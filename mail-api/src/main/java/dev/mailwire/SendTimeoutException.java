package dev.mailwire;

/**
 * A bounded wait ran out: connect, a read, a write, or the whole send. The connection it happened on has been
 * destroyed. Whether the server delivered the mail is unknown only if the timeout struck after the final dot.
 */
public class SendTimeoutException extends SmtpConnectionException {

    private static final long serialVersionUID = 1L;

    public SendTimeoutException(String mailer, String message, Throwable cause) {
        super(mailer, message, cause);
    }
}

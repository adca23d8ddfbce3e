package dev.mailwire;

/**
 * The root of every error Mailwire reports. Unchecked: a mail that cannot be sent is usually a reason to roll the
 * business transaction back, not a condition each caller handles locally.
 *
 * <p>Subtypes tell the causes apart so callers can react (retry a timeout, fix the input, page an operator). Every
 * message names the mailer and the setting or value at fault, and never a secret.
 */
public class MailerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String mailer;

    public MailerException(String mailer, String message, Throwable cause) {
        super(message, cause);
        this.mailer = mailer;
    }

    public MailerException(String mailer, String message) {
        this(mailer, message, null);
    }

    /** The name of the mailer the error belongs to ({@code <default>} for the unnamed one), or null if none. */
    public String mailer() {
        return mailer;
    }
}

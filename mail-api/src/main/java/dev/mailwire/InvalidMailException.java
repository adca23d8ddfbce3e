package dev.mailwire;

/**
 * The mail itself is wrong: a malformed address, CR or LF in a header, a message larger than the server accepts.
 * Thrown before any byte reaches the server and before anything is queued, so nothing is lost and nothing was sent.
 */
public class InvalidMailException extends MailerException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidMailException(String mailer, String field, String message) {
        super(mailer, message);
        this.field = field;
    }

    /** The field at fault, for example {@code to}, {@code subject} or {@code header X-Tag}. */
    public String field() {
        return field;
    }
}

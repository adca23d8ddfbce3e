package dev.mailwire;

/**
 * The server refused the mail: every recipient was rejected, or the sender or the message was refused. The result
 * lists each recipient with the server's reply code and text.
 */
public class MailRejectedException extends MailerException {

    private static final long serialVersionUID = 1L;

    private final transient SendResult result;

    public MailRejectedException(String mailer, String message, SendResult result, Throwable cause) {
        super(mailer, message, cause);
        this.result = result;
    }

    /** What the server answered for each recipient; null after deserialization. */
    public SendResult result() {
        return result;
    }
}

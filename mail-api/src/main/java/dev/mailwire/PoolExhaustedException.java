package dev.mailwire;

/** Every pooled connection stayed in use for the whole acquire timeout. Raise the pool size or lower the load. */
public class PoolExhaustedException extends MailerException {

    private static final long serialVersionUID = 1L;

    public PoolExhaustedException(String mailer, String message) {
        super(mailer, message);
    }
}

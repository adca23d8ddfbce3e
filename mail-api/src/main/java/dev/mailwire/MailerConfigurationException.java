package dev.mailwire;

/** A setting is missing or invalid. Raised at deployment whenever possible, naming the key. */
public class MailerConfigurationException extends MailerException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public MailerConfigurationException(String mailer, String key, String message) {
        super(mailer, message);
        this.key = key;
    }

    /** The setting at fault, for example {@code mailwire.mailer.billing.port} or {@code tls}. */
    public String key() {
        return key;
    }
}

package dev.mailwire.it.reliability.input;

/**
 * The ways a mail enters Mailwire: the {@code Mail} builder and {@code Mailer.send(MimeMessage)}, each at once and
 * inside a JTA transaction (the outbox path, which stores the message instead of sending it), and the bare JCA
 * {@code MailConnection.send}.
 */
enum EntryPath {
    BUILDER("Mailer.send(Mail)", false),
    BUILDER_IN_TRANSACTION("Mailer.send(Mail) in a transaction", true),
    MIME_MESSAGE("Mailer.send(MimeMessage)", false),
    MIME_MESSAGE_IN_TRANSACTION("Mailer.send(MimeMessage) in a transaction", true),
    BARE_JCA("MailConnection.send(MimeMessage)", false);

    private final String label;
    private final boolean transactional;

    EntryPath(String label, boolean transactional) {
        this.label = label;
        this.transactional = transactional;
    }

    boolean transactional() {
        return transactional;
    }

    boolean builder() {
        return this == BUILDER || this == BUILDER_IN_TRANSACTION;
    }

    @Override
    public String toString() {
        return label;
    }
}

package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Brings a message to the form in which it is written. Until {@code saveChanges()} runs, a content type given to
 * {@code setContent} or carried by a DataSource exists only in the DataHandler; {@code saveChanges()} (or the
 * {@code writeTo} that calls it) turns it into a Content-Type header, with whatever line breaks it holds. Checking
 * the headers before that checks a message other than the one sent, so the validator saves first.
 */
final class SavedForm {

    private SavedForm() {}

    /**
     * Saves the message's changes, keeping a Message-ID the caller set: {@code saveChanges()} would replace it
     * (DESIGN §6), and a saved message is written as it is, so the ID reported is the ID sent.
     *
     * @return the Message-ID, as it will be sent
     */
    static String save(String mailer, MimeMessage message) {
        try {
            String id = message.getMessageID();
            message.saveChanges();
            if (id != null && !id.equals(message.getMessageID())) {
                message.setHeader("Message-ID", id);
            }
            return message.getMessageID();
        } catch (MessagingException e) {
            // Angus parses each DataHandler's content type while saving: a type that does not parse stops here.
            throw Problems.invalid(
                    JcaMessages.UNREADABLE_MESSAGE, mailer, "message", null, Problems.escape(e.getMessage()));
        }
    }
}

package dev.mailwire.cdi.internal.send;

import dev.mailwire.jca.ValidatedMessage;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A message that passed validation, the approved-recipients guard and the configured size limit, ready for
 * delivery.
 *
 * @param message the message, saved: its Message-ID is fixed and will not change on the wire
 * @param messageId its Message-ID header
 * @param recipients the envelope recipients approved for sending
 * @param dropped the addresses the approved-recipients guard removed
 * @param size what is known of its size as it will be sent (checked against the configured maximum already)
 * @param checked the validator's word that this message was checked, so delivery does not check it again; null for
 *     a message read back from the outbox, which the connection checks
 */
public record PreparedMail(
        MimeMessage message,
        String messageId,
        Address[] recipients,
        List<String> dropped,
        MessageSize size,
        ValidatedMessage checked) {

    /** A message read back from the outbox's store: the connection checks it as it sends it. */
    public PreparedMail(
            MimeMessage message, String messageId, Address[] recipients, List<String> dropped, MessageSize size) {
        this(message, messageId, recipients, dropped, size, null);
    }

    /** A message this mailer checked moments ago. */
    PreparedMail(ValidatedMessage checked, Address[] recipients, List<String> dropped, MessageSize size) {
        this(checked.message(), checked.messageId(), recipients, dropped, size, checked);
    }
}

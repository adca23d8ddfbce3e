package dev.mailwire.cdi.internal.send;

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
 */
public record PreparedMail(
        MimeMessage message, String messageId, Address[] recipients, List<String> dropped, MessageSize size) {}

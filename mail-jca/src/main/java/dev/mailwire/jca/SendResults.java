package dev.mailwire.jca;

import dev.mailwire.MailRejectedException;
import dev.mailwire.RecipientResult;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Reads the server's replies out of what Angus reports. With {@code mail.smtp.reportsuccess=true} Angus ends every
 * send with an exception that chains one entry per RCPT reply (successes too), which is the only way it exposes
 * the reply code and text per recipient.
 */
final class SendResults {

    private SendResults() {}

    /** A send that Angus finished without an exception: every recipient was accepted. */
    static SendResult allAccepted(MimeMessage message, Address[] recipients, int code, String reply) {
        List<RecipientResult> results = new ArrayList<>();
        for (Address a : recipients) {
            results.add(new RecipientResult(address(a), Status.ofReplyCode(code), code, text(reply)));
        }
        return new SendResult(messageId(message), results);
    }

    /**
     * The per-recipient result of a send the server answered; throws {@link MailRejectedException} when no
     * recipient was accepted.
     */
    static SendResult fromReplies(String mailer, MimeMessage message, Address[] recipients, MessagingException e) {
        Map<String, RecipientResult> byAddress = new HashMap<>();
        for (Exception c = e.getNextException(); c != null; ) {
            if (c instanceof SMTPAddressSucceededException s) {
                put(byAddress, s.getAddress(), s.getReturnCode(), s.getMessage());
            } else if (c instanceof SMTPAddressFailedException f) {
                put(byAddress, f.getAddress(), f.getReturnCode(), f.getMessage());
            }
            c = c instanceof MessagingException m ? m.getNextException() : null;
        }
        SMTPSendFailedException command = e instanceof SMTPSendFailedException s ? s : null;
        boolean dataAccepted = command != null && ".".equals(command.getCommand()) && command.getReturnCode() == 250;
        List<RecipientResult> results = new ArrayList<>();
        for (Address a : recipients) {
            RecipientResult r = byAddress.get(address(a));
            if (command != null && !dataAccepted && (r == null || r.delivered())) {
                // MAIL FROM or the final dot was refused: that reply holds for every recipient the RCPT accepted.
                r = new RecipientResult(
                        address(a),
                        Status.ofReplyCode(command.getReturnCode()),
                        command.getReturnCode(),
                        text(command.getMessage()));
            } else if (r == null) {
                r = new RecipientResult(address(a), Status.DEFERRED, 0, "no reply for this recipient");
            }
            results.add(r);
        }
        SendResult result = new SendResult(messageId(message), results);
        if (result.withStatus(Status.DELIVERED).isEmpty()) {
            throw new MailRejectedException(mailer, rejectedMessage(mailer, result), result, e);
        }
        return result;
    }

    /** Whether {@code e} is the server answering about this mail (a reply), not a broken connection. */
    static boolean isReply(MessagingException e) {
        return e instanceof SendFailedException && !Failures.isConnectionLevel(e);
    }

    private static void put(Map<String, RecipientResult> map, InternetAddress a, int code, String reply) {
        map.put(a.getAddress(), new RecipientResult(a.getAddress(), Status.ofReplyCode(code), code, text(reply)));
    }

    private static String rejectedMessage(String mailer, SendResult result) {
        return JcaMessages.ALL_REJECTED.format(
                mailer,
                result.recipients().stream()
                        .map(r -> r.address() + " " + r.code() + " " + r.reply())
                        .collect(Collectors.joining("; ")));
    }

    private static String address(Address a) {
        return a instanceof InternetAddress ia ? ia.getAddress() : a.toString();
    }

    /** The reply text without its code and trailing line break: "250 2.1.5 Ok\n" becomes "2.1.5 Ok". */
    static String text(String reply) {
        if (reply == null) {
            return "";
        }
        String r = reply.strip();
        if (r.length() >= 4 && Character.isDigit(r.charAt(0)) && (r.charAt(3) == ' ' || r.charAt(3) == '-')) {
            r = r.substring(4);
        }
        return r;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}

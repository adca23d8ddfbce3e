package dev.mailwire.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the mailers in mock mode ({@code mailwire.mailer[.<name>].mock=true}) would have sent: every message that
 * passed the same checks as a real send, by mailer and by envelope recipient. Inject it in tests:
 * {@code @Inject MockMailbox mailbox;}. Thread-safe.
 *
 * <p>Beyond the specifications: a Mailwire API for tests.
 */
@ApplicationScoped
public class MockMailbox {

    /**
     * One recorded send.
     *
     * @param mailer the mailer's name ({@code <default>} for the unnamed one)
     * @param message the message as it would have gone on the wire
     * @param messageId its Message-ID
     * @param recipients the envelope recipients (after approved-recipients), bare addresses
     */
    public record SentMail(String mailer, MimeMessage message, String messageId, List<String> recipients) {
        public SentMail {
            Objects.requireNonNull(mailer, "mailer");
            Objects.requireNonNull(message, "message");
            recipients = List.copyOf(recipients);
        }
    }

    private final List<SentMail> sent = new CopyOnWriteArrayList<>();

    /** Records a send; Mailwire's mock mode calls it, and so may a test that fakes a send of its own. */
    public void record(SentMail mail) {
        sent.add(mail);
    }

    /** Everything recorded, in the order sent. */
    public List<SentMail> all() {
        return List.copyOf(sent);
    }

    /** What {@code mailer} sent; {@code <default>} names the unnamed mailer. */
    public List<SentMail> sentBy(String mailer) {
        return sent.stream().filter(m -> m.mailer().equals(mailer)).toList();
    }

    /** The messages whose envelope held {@code address} (compared ignoring case), whichever mailer sent them. */
    public List<MimeMessage> messagesTo(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return sent.stream()
                .filter(m -> m.recipients().stream()
                        .anyMatch(r -> r.toLowerCase(Locale.ROOT).equals(wanted)))
                .map(SentMail::message)
                .toList();
    }

    /** How many messages were recorded. */
    public int size() {
        return sent.size();
    }

    /** Forgets everything recorded; call it between tests. */
    public void clear() {
        sent.clear();
    }
}

package dev.mailwire.cdi.internal.send;

import dev.mailwire.Attachment;
import dev.mailwire.InlinePart;
import dev.mailwire.Mail;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.config.DkimSettings;
import dev.mailwire.cdi.internal.config.MailerConfig;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import dev.mailwire.cdi.internal.dkim.DkimSigner;
import dev.mailwire.cdi.internal.dkim.MessageSigning;
import dev.mailwire.cdi.internal.dkim.SignedMessage;
import dev.mailwire.cdi.internal.render.MailRenderer;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.ValidatedMessage;
import jakarta.mail.Session;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Binds a mailer's {@code from} and {@code message-id-domain} to the renderer. */
public final class Rendering {

    private Rendering() {}

    /**
     * The renderer of mailer {@code d}.
     *
     * @throws dev.mailwire.MailerConfigurationException if {@code from} or {@code message-id-domain} is invalid
     *     (the key below the mailer's prefix)
     */
    public static MailRenderer renderer(String mailer, MailerConfig config) {
        return new MailRenderer(
                mailer,
                config.get(MailerKey.FROM).orElse(null),
                config.get(MailerKey.MESSAGE_ID_DOMAIN).orElse(null),
                config.get(MailerKey.BOUNCE_ADDRESS).orElse(null));
    }

    public static ConfiguredMailer.Renderer renderer(MailerDefinition d) {
        MailRenderer renderer = renderer(d.name(), d.config());
        // Only rendering uses this session (MIME settings); connections have their own, made by the adapter.
        Session session = Session.getInstance(new Properties());
        Optional<DkimSigner> dkim = DkimSettings.load(d.config());
        if (dkim.isEmpty()) {
            return mail -> renderer.renderChecked(mail, session);
        }
        // Signed once, here, before any attempt or the outbox: every retry sends the bytes that were signed.
        MessageSigning signing = new MessageSigning(d.name(), dkim.get(), session);
        return new ConfiguredMailer.Renderer() {
            @Override
            public ValidatedMessage render(Mail mail) {
                return seal(renderer.renderChecked(mail, session));
            }

            @Override
            public ValidatedMessage seal(ValidatedMessage checked) {
                SignedMessage signed = signing.sign(checked.message(), checked.messageId());
                // The signed copy is another message: validated in turn (from its bytes in memory, so a single-use
                // part of the original is still read once), so that what is sent is what was checked.
                return MessageValidator.validated(d.name(), signed, checked.recipients());
            }
        };
    }

    /**
     * Whether every part of {@code mail} can be read twice, so the message can be measured before it is sent. A
     * single-use stream is read once, on the wire; its size is then left to the server's SIZE limit.
     */
    static boolean measurable(Mail mail) {
        return Stream.concat(
                        mail.attachments().stream(), mail.inlines().stream().map(InlinePart::attachment))
                .allMatch(Attachment::repeatable);
    }
}

package dev.mailwire.cdi.internal.render;

import dev.mailwire.Attachment;
import dev.mailwire.InlinePart;
import dev.mailwire.Mail;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.validation.Problems;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Lays out a mail's body, the usual shape mail clients expect:
 *
 * <pre>
 * multipart/mixed                  only with attachments
 * ├─ multipart/alternative         only with both text and HTML
 * │  ├─ text/plain
 * │  └─ multipart/related          only with inline parts
 * │     ├─ text/html
 * │     └─ inline parts (Content-ID)
 * └─ attachments
 * </pre>
 *
 * Inline parts relate to the HTML body, or to the text body when there is no HTML. A mail with a single text body
 * is a single part.
 */
final class BodyTree {

    private final String mailer;
    private final Parts parts;

    BodyTree(String mailer) {
        this.mailer = mailer;
        this.parts = new Parts(mailer);
    }

    void fill(MimeMessage message, Mail mail) throws MessagingException {
        MimeMultipart root;
        if (mail.attachments().isEmpty()) {
            if (mail.inlines().isEmpty()
                    && (mail.text().isEmpty() || mail.html().isEmpty())) {
                boolean html = mail.html().isPresent();
                String body = html ? mail.html().get() : mail.text().orElse("");
                Parts.setText(message, body, html ? "html" : "plain");
                return;
            }
            root = (MimeMultipart) body(mail); // inline parts or two bodies make a multipart
        } else {
            root = new MimeMultipart("mixed");
            root.addBodyPart(asPart(body(mail)));
            for (Attachment attachment : mail.attachments()) {
                root.addBodyPart(parts.attachment(attachment, null));
            }
        }
        message.setContent(root);
    }

    /** The body: one part, or a multipart/alternative or multipart/related. */
    private Object body(Mail mail) throws MessagingException {
        boolean hasHtml = mail.html().isPresent();
        Object main = hasHtml
                ? parts.text(mail.html().get(), "html")
                : parts.text(mail.text().orElse(""), "plain");
        if (!mail.inlines().isEmpty()) {
            main = related((MimeBodyPart) main, mail);
        }
        if (hasHtml && mail.text().isPresent()) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(parts.text(mail.text().get(), "plain"));
            alternative.addBodyPart(asPart(main));
            return alternative;
        }
        return main;
    }

    private MimeMultipart related(MimeBodyPart main, Mail mail) throws MessagingException {
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(main);
        Set<String> seen = new HashSet<>();
        for (InlinePart inline : mail.inlines()) {
            String contentId = MessageValidator.checkContentId(mailer, inline.contentId());
            if (!seen.add(contentId.toLowerCase(Locale.ROOT))) {
                throw Problems.invalid(mailer, "content-id", "is used by two inline parts", contentId);
            }
            related.addBodyPart(parts.attachment(inline.attachment(), contentId));
        }
        return related;
    }

    private MimeBodyPart asPart(Object node) throws MessagingException {
        return node instanceof MimeMultipart multipart ? parts.container(multipart) : (MimeBodyPart) node;
    }
}

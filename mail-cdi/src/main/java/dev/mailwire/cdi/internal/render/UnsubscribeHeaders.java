package dev.mailwire.cdi.internal.render;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.validation.Problems;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes {@code List-Unsubscribe} (RFC 2369) and {@code List-Unsubscribe-Post} (RFC 8058) from a mail's unsubscribe
 * URIs, each checked first: only {@code mailto:} and {@code https:} (a link that runs script, such as
 * {@code javascript:}, or one that leaves TLS is refused), printable ASCII without white space, and none of the
 * characters that would end a URI in the header ({@code <}, {@code >}, {@code ,}). One-click needs an https URI.
 */
final class UnsubscribeHeaders {

    static final String FIELD = "unsubscribe";
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final String mailer;

    UnsubscribeHeaders(String mailer) {
        this.mailer = mailer;
    }

    void add(MimeMessage message, Mail mail) throws MessagingException {
        List<String> uris = mail.unsubscribe();
        if (uris.isEmpty()) {
            return;
        }
        for (String uri : uris) {
            check(uri);
        }
        if (mail.oneClickUnsubscribe() && uris.stream().noneMatch(u -> scheme(u).equals("https"))) {
            throw refused(null, "one-click unsubscription (RFC 8058) needs an https: URI");
        }
        String value = uris.stream().map(u -> "<" + u + ">").collect(Collectors.joining(", "));
        message.setHeader("List-Unsubscribe", MimeUtility.fold("List-Unsubscribe: ".length(), value));
        if (mail.oneClickUnsubscribe()) {
            message.setHeader("List-Unsubscribe-Post", ONE_CLICK);
        }
    }

    private void check(String uri) {
        MessageValidator.checkHeaderValue(mailer, FIELD, uri);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == ',') {
                throw refused(
                        uri,
                        String.format(
                                "holds '%s' at index %d; percent-encode it (a URI in List-Unsubscribe is printable"
                                        + " ASCII without white space, angle brackets or commas)",
                                c < 0x20 || c >= 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c), i));
            }
        }
        String scheme = scheme(uri);
        if (!scheme.equals("mailto") && !scheme.equals("https")) {
            throw refused(uri, "has the scheme '" + scheme + "'; only mailto: and https: are accepted");
        }
        try {
            URI parsed = new URI(uri);
            if (scheme.equals("https")
                    && (parsed.getHost() == null || parsed.getHost().isEmpty())) {
                throw refused(uri, "is an https: URI without a host");
            }
            if (scheme.equals("mailto") && !parsed.getSchemeSpecificPart().contains("@")) {
                throw refused(uri, "is a mailto: URI without an address");
            }
        } catch (URISyntaxException e) {
            throw refused(uri, "is not a valid URI (" + e.getReason() + ")");
        }
    }

    private InvalidMailException refused(String uri, String reason) {
        String field = uri == null ? FIELD : FIELD + " " + Problems.quote(uri);
        return new InvalidMailException(mailer, FIELD, Messages.BAD_UNSUBSCRIBE_URI.format(mailer, field, reason));
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}

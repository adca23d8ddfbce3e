package dev.mailwire.test.smtp.fake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message the fake server read to its final dot, with its envelope and how it came.
 *
 * @param connection the index of the connection it came on
 * @param from the MAIL FROM address (without angle brackets)
 * @param recipients the accepted RCPT TO addresses, in order
 * @param wire the DATA section as sent: dot-stuffed, line endings untouched, without the final dot line
 * @param content the message as meant: dot-unstuffed
 * @param bareLineEndings whether a CR or LF came without its partner (RFC 5321 forbids it; smuggling relies on it)
 * @param overTls whether it came after STARTTLS
 * @param authIdentity the identity the connection had authenticated as, or null
 */
public record ReceivedMessage(
        int connection,
        String from,
        List<String> recipients,
        byte[] wire,
        byte[] content,
        boolean bareLineEndings,
        boolean overTls,
        String authIdentity) {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)$");

    public ReceivedMessage {
        recipients = List.copyOf(recipients);
        wire = wire.clone();
        content = content.clone();
    }

    @Override
    public byte[] wire() {
        return wire.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public Optional<String> authenticatedAs() {
        return Optional.ofNullable(authIdentity);
    }

    /** The Message-ID header's value, from the header block only. */
    public Optional<String> messageId() {
        String text = text();
        int headerEnd = text.indexOf("\r\n\r\n");
        Matcher matcher = MESSAGE_ID.matcher(headerEnd < 0 ? text : text.substring(0, headerEnd));
        return matcher.find()
                ? Optional.of(matcher.group(1).replaceAll("\\s+", " ").trim())
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "ReceivedMessage[connection " + connection + ", from=" + from + ", to=" + recipients + ", "
                + content.length + " bytes" + (overTls ? ", TLS" : "")
                + (authIdentity != null ? ", auth=" + authIdentity : "") + "]";
    }
}

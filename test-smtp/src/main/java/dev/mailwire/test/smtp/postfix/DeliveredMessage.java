package dev.mailwire.test.smtp.postfix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message as Postfix's virtual agent wrote it to the Maildir: the bytes the server accepted plus the headers
 * Postfix prepends ({@code Return-Path}, {@code Delivered-To}, {@code Received}). Postfix stores lines ending in LF,
 * not CRLF. A message for several recipients is delivered once per recipient, each copy with its own
 * {@code Delivered-To}.
 */
public final class DeliveredMessage {

    /** Postfix's Received header: {@code with ESMTPSA id QUEUEID} and, with AUTH, {@code Authenticated sender}. */
    private static final Pattern QUEUE_ID = Pattern.compile("\\bid ([0-9A-Za-z]+)");

    private static final Pattern AUTHENTICATED_SENDER = Pattern.compile("\\(Authenticated sender: ([^)]+)\\)");

    private final Path file;
    private final byte[] raw;
    private final List<String[]> headers;

    DeliveredMessage(Path file, byte[] raw) {
        this.file = file;
        this.raw = raw.clone();
        this.headers = parseHeaders(new String(raw, StandardCharsets.UTF_8));
    }

    public Path file() {
        return file;
    }

    public byte[] raw() {
        return raw.clone();
    }

    public String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The body after the header block, as stored (LF line endings). */
    public String body() {
        String text = text();
        int end = text.indexOf("\n\n");
        return end < 0 ? "" : text.substring(end + 2);
    }

    /** The first value of a header (case-insensitive name), unfolded, or empty. */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** Every value of a header, in order, unfolded. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (String[] header : headers) {
            if (header[0].equalsIgnoreCase(name)) {
                values.add(header[1]);
            }
        }
        return values;
    }

    public Optional<String> messageId() {
        return header("Message-ID");
    }

    public Optional<String> subject() {
        return header("Subject");
    }

    /** The envelope recipient of this copy, from Postfix's {@code Delivered-To}. */
    public Optional<String> deliveredTo() {
        return header("Delivered-To");
    }

    /** The SASL identity the message was submitted with, as Postfix wrote it (e.g. {@code alice@example.test}). */
    public Optional<String> authenticatedSender() {
        return header("Received").flatMap(received -> find(AUTHENTICATED_SENDER, received));
    }

    /** Postfix's queue id, which is also the key of this message's lines in the log. */
    public Optional<String> queueId() {
        return header("Received").flatMap(received -> find(QUEUE_ID, received));
    }

    /** Whether the message came in over TLS, per Postfix's own Received header. */
    public boolean receivedOverTls() {
        return header("Received")
                .map(r -> r.toUpperCase(Locale.ROOT).contains("(USING TLS"))
                .orElse(false);
    }

    @Override
    public String toString() {
        return "DeliveredMessage[" + file.getFileName() + ", to="
                + deliveredTo().orElse("?") + ", messageId=" + messageId().orElse("?") + "]";
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    }

    private static List<String[]> parseHeaders(String text) {
        List<String[]> headers = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                String[] last = headers.get(headers.size() - 1);
                last[1] = last[1] + " " + line.trim(); // RFC 5322 unfolding
            } else if (line.indexOf(':') > 0) {
                int colon = line.indexOf(':');
                headers.add(new String[] {
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()
                });
            }
        }
        return headers;
    }
}

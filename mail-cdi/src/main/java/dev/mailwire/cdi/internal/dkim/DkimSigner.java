package dev.mailwire.cdi.internal.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the DKIM-Signature header fields of a message in its wire form (RFC 6376, relaxed/relaxed, no {@code l=}),
 * one per key. Thread-safe; one per mailer.
 */
public final class DkimSigner {

    /**
     * Signed when present: the identity and content headers a replay or a tampering would change, and the
     * unsubscribe headers (RFC 8058 §4 requires both to be signed).
     */
    public static final List<String> DEFAULT_HEADERS = List.of(
            "from",
            "sender",
            "reply-to",
            "subject",
            "date",
            "message-id",
            "to",
            "cc",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "in-reply-to",
            "references",
            "list-unsubscribe",
            "list-unsubscribe-post");

    /**
     * Listed once more than they occur, so that an extra instance added on the way (a second From above the signed
     * one, an injected List-Unsubscribe) breaks the signature (RFC 6376 §8.15, "oversigning").
     */
    static final Set<String> OVERSIGNED = Set.of(
            "from",
            "reply-to",
            "subject",
            "date",
            "message-id",
            "to",
            "cc",
            "list-unsubscribe",
            "list-unsubscribe-post");

    private static final int LINE = 76;

    private final List<DkimKey> keys;
    private final List<String> headers;
    private final Clock clock;

    /**
     * @param keys the keys, each of which signs the mails whose From domain is its domain or below it
     * @param headers the header names to sign when present (From is always signed)
     */
    public DkimSigner(List<DkimKey> keys, List<String> headers, Clock clock) {
        this.keys = List.copyOf(keys);
        List<String> names = new ArrayList<>();
        names.add("from");
        headers.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty() && !names.contains(h))
                .forEach(names::add);
        this.headers = List.copyOf(names);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<DkimKey> keys() {
        return keys;
    }

    /**
     * The keys that sign a mail from {@code fromDomain} (A-labels): those of the closest domain at or above it, so
     * {@code news.example.org} uses {@code news.example.org}'s keys if there are any, else {@code example.org}'s.
     * Several keys of one domain (two selectors while rotating, RSA and Ed25519) each add a signature.
     */
    public List<DkimKey> keysFor(String fromDomain) {
        String domain = fromDomain.toLowerCase(Locale.ROOT);
        while (true) {
            String d = domain;
            List<DkimKey> found =
                    keys.stream().filter(k -> k.domain().equals(d)).toList();
            int dot = domain.indexOf('.');
            if (!found.isEmpty() || dot < 0) {
                return found;
            }
            domain = domain.substring(dot + 1);
        }
    }

    /**
     * The DKIM-Signature fields for {@code message} (wire form, CRLF line ends), one per key given, each a complete
     * field with its folds and without the final CRLF, to be put above the other headers.
     */
    public List<String> sign(byte[] message, List<DkimKey> signing) throws GeneralSecurityException {
        HeaderFields fields = new HeaderFields(message);
        MessageDigest body = sha256();
        Relaxed.body(message, fields.bodyOffset(), body);
        String bh = Base64.getEncoder().encodeToString(body.digest());
        List<String> h = headerList(fields);
        StringBuilder signed = new StringBuilder();
        for (String field : fields.select(h)) {
            signed.append(Relaxed.header(field, false));
        }
        long time = clock.instant().getEpochSecond();
        List<String> result = new ArrayList<>();
        for (DkimKey key : signing) {
            String unsigned = unsignedField(key, time, h, bh);
            // The fields were read as ISO-8859-1 (HeaderFields): written back the same way, they are the very bytes
            // of the message, UTF-8 address headers (RFC 6532) included.
            byte[] data = (signed + Relaxed.header(unsigned, true)).getBytes(StandardCharsets.ISO_8859_1);
            byte[] b = key.algorithm().sign(key.key(), data);
            result.add(unsigned + fold(Base64.getEncoder().encodeToString(b)));
        }
        return result;
    }

    private List<String> headerList(HeaderFields fields) {
        List<String> h = new ArrayList<>();
        for (String name : headers) {
            int n = fields.count(name) + (OVERSIGNED.contains(name) ? 1 : 0);
            for (int i = 0; i < n; i++) {
                h.add(name);
            }
        }
        return h;
    }

    /** The field with an empty {@code b=} last: the form that is signed, and the verifier reconstructs. */
    private static String unsignedField(DkimKey key, long time, List<String> h, String bh) {
        Folder f = new Folder("DKIM-Signature: ");
        f.add("v=1;").add("a=" + key.algorithm().tag() + ";").add("c=relaxed/relaxed;");
        f.add("d=" + key.domain() + ";").add("s=" + key.selector() + ";").add("t=" + time + ";");
        for (int i = 0; i < h.size(); i++) {
            f.add((i == 0 ? "h=" : "") + h.get(i) + (i == h.size() - 1 ? ";" : ":"));
        }
        f.add("bh=" + bh + ";");
        return f.text() + "\r\n\tb=";
    }

    /** The {@code b=} value in lines of {@value #LINE}; white space inside it is ignored by verifiers. */
    private static String fold(String b) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b.length(); i += LINE - 8) {
            out.append(i == 0 ? "" : "\r\n\t").append(b, i, Math.min(b.length(), i + LINE - 8));
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Joins tokens with a space, breaking the line before one that would pass {@value #LINE} characters. */
    private static final class Folder {
        private final StringBuilder text;
        private int column;

        Folder(String start) {
            text = new StringBuilder(start);
            column = start.length();
        }

        Folder add(String token) {
            boolean first = text.charAt(text.length() - 1) == ' ';
            boolean glued = !first && text.charAt(text.length() - 1) == ':';
            if (column + token.length() + 1 > LINE) {
                text.append("\r\n\t");
                column = 1;
            } else if (!first && !glued) {
                text.append(' ');
                column++;
            }
            text.append(token);
            column += token.length();
            return this;
        }

        String text() {
            return text.toString();
        }
    }
}

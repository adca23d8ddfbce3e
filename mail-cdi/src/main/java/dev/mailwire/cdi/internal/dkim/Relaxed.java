package dev.mailwire.cdi.internal.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The "relaxed" canonicalization of RFC 6376 §3.4.2 (header) and §3.4.4 (body). Written here rather than taken
 * from a library: none on Maven Central signs Ed25519 as RFC 8463 defines it (notes/dkim-verification.md), and the
 * two algorithms are some forty lines.
 */
final class Relaxed {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private Relaxed() {}

    /**
     * One header field as the signature covers it: name in lower case, unfolded, each run of white space made one
     * space, white space at the end and around the colon removed, then CRLF unless {@code last}.
     *
     * @param field the field as written, {@code Name: value} with its folds
     */
    static String header(String field, boolean last) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1)
                .replace("\r\n", "")
                .replaceAll("[ \t]+", " ")
                .strip();
        return name + ":" + value + (last ? "" : "\r\n");
    }

    /**
     * Feeds the relaxed form of {@code body} (CRLF line ends, from {@code offset}) into {@code digest}: white space
     * at line ends removed, other runs made one space, empty lines at the end removed, and a non-empty body ended
     * with CRLF. An empty body hashes as nothing (RFC 6376 erratum 3871, as dkimpy and OpenDKIM do).
     */
    static void body(byte[] body, int offset, MessageDigest digest) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int emptyLines = 0;
        int i = offset;
        while (i < body.length) {
            int end = i;
            while (end < body.length && !(body[end] == CR && end + 1 < body.length && body[end + 1] == LF)) {
                end++;
            }
            line.reset();
            boolean space = false;
            for (int j = i; j < end; j++) {
                byte b = body[j];
                if (b == ' ' || b == '\t') {
                    space = true;
                } else {
                    if (space) {
                        line.write(' ');
                        space = false;
                    }
                    line.write(b);
                }
            }
            if (line.size() == 0) {
                emptyLines++;
            } else {
                for (; emptyLines > 0; emptyLines--) {
                    digest.update(CRLF);
                }
                digest.update(line.toByteArray());
                digest.update(CRLF);
            }
            i = end + 2;
        }
    }

    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);
}

package dev.mailwire.cdi.internal.render;

/**
 * The Content-Transfer-Encoding of a UTF-8 text body, chosen from the text itself. Left unset, {@code saveChanges()}
 * finds it by writing the whole body once through the content handler just to count its bytes (measured: a
 * sixth of a sending thread's CPU). The rule is Jakarta Mail's: only ASCII and no line over 998 bytes is
 * {@code 7bit}; mostly ASCII is {@code quoted-printable}, which keeps it readable; the rest is {@code base64}.
 * Control characters other than tab count as non-ASCII, as there.
 */
final class TextEncoding {

    /** RFC 5322 §2.1.1: at most 998 characters per line, excluding the CRLF. */
    private static final int MAX_LINE = 998;

    private TextEncoding() {}

    /** @param text canonical text: every line break is CRLF ({@link Parts#canonical}) */
    static String of(String text) {
        long ascii = 0;
        long other = 0;
        int line = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int bytes = 1;
            if (c == '\r') {
                continue;
            } else if (c == '\n') {
                line = 0;
                continue;
            } else if (c == '\t' || (c >= 0x20 && c < 0x7F)) {
                ascii++;
            } else {
                // UTF-8 length; a surrogate pair is 4 bytes, 2 for each of its chars.
                bytes = c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
                other += bytes;
            }
            line += bytes;
            longLine |= line > MAX_LINE;
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return other < ascii ? "quoted-printable" : "base64";
    }
}

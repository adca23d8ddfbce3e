package dev.mailwire.cdi.internal.outbox;

/**
 * The one cleaning of text an outbox keeps from outside: server replies, failure messages. A server's reply may carry
 * any byte, and Angus hands its text on as it came; PostgreSQL refuses 0x00 in a text column, so a stored NUL made
 * the result write fail and the mail go out again at every lease. Every control character (C0, DEL, C1: the recipient
 * column's tabs and line breaks among them) becomes a space, runs of them one space.
 */
public final class StoredText {

    private StoredText() {}

    /** {@code text} without control characters, trimmed; "" for null. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                space = true;
                continue;
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        return b.toString().strip();
    }

    /**
     * The last resort when even cleaned text was refused (a database with a narrower character set, say): printable
     * ASCII only, at most {@code max} characters. The recipients' states and the attempt count are what must be
     * stored; the wording of a reply is not worth sending the mail again.
     */
    static String ascii(String text, int max) {
        String clean = clean(text);
        StringBuilder b = new StringBuilder(Math.min(clean.length(), max));
        for (int i = 0; i < clean.length() && b.length() < max; i++) {
            char c = clean.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}

package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;

/**
 * Checks one header as it is stored in a {@code MimeMessage}, that is as it will be written on the wire, and
 * unfolds it.
 *
 * <p><b>Folding versus injection.</b> Angus folds long headers itself: an encoded Subject, a To list, RFC 2231
 * parameters ({@code MimeUtility.fold}, {@code InternetAddress.toString}, {@code ParameterList.toString}) break a
 * line with CRLF followed by a space or a tab. By RFC 5322 §2.2.3 such a fold is not part of the value: unfolding
 * removes the CRLF, so it can neither start a new header nor end the header block, and on the SMTP side it never
 * leaves the DATA stream. A raw value may therefore hold CR and LF only as such a fold, and each folded line must
 * hold something besides white space (a line of only white space reads as the blank line that ends the headers to
 * some parsers, RFC 5322 §4.2 obs-FWS). Everything else (a bare CR or LF, CRLF followed by a header name or a dot)
 * is refused. Mailwire's own rendering never lets user data reach a fold: strings from the {@code Mail} builder may
 * not contain CR or LF at all ({@link dev.mailwire.jca.MessageValidator#checkHeaderValue}), and a message built by the
 * caller is unfolded and its decoded value checked again.
 *
 * <p>Raw values must be ASCII: unless its session sets {@code mail.mime.allowutf8}, Angus writes raw header
 * characters through an 8-bit path that keeps only the low byte (CVE-2025-7962: U+560A becomes a bare LF). Non-ASCII
 * text goes in MIME encoded-words, which Angus produces when the value is set through its setters. The one exception
 * is an address header of a message written as UTF-8 (RFC 6532), sent only with SMTPUTF8: there raw non-ASCII may
 * stand, but only inside an address's local part ({@link Addresses#checkHeader}), never a C1 control or a Unicode
 * line separator, and a line is counted in the octets UTF-8 writes.
 */
final class RawHeader {

    /** RFC 5322 §2.1.1: a line is at most 998 characters; longer ones are split or refused by servers. */
    static final int MAX_LINE = 998;

    private RawHeader() {}

    /** RFC 5322 ftext: printable ASCII except the colon. */
    static void checkName(String mailer, String field, String name) {
        if (name == null || name.isEmpty()) {
            throw Problems.invalid(JcaMessages.BAD_HEADER_NAME, mailer, field, null, "is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                String what = c == ':' ? "a colon" : c == ' ' ? "a space" : Problems.describe(c);
                throw Problems.invalid(
                        JcaMessages.BAD_HEADER_NAME, mailer, field, name, "contains " + what + " at index " + i);
            }
        }
    }

    /**
     * Checks the raw value of header {@code name}; returns it unfolded.
     *
     * @param addressList whether the value is an address list, where a fold inside a quoted string is refused:
     *     Angus folds address lists only between addresses and encodes long display names as encoded-words, so a
     *     line break inside quotes comes from a caller's CR/LF that Angus's {@code fold} turned into a fold (a
     *     display name {@code "Evil\r\nBcc: x"}) or from a quoted local part such as {@code "a\r\n b"@x}, which
     *     Angus's strict parser accepts.
     */
    static String checkAndUnfold(String mailer, String field, String name, String raw, boolean addressList) {
        return checkAndUnfold(mailer, field, name, raw, addressList, false);
    }

    /** @param utf8 whether raw non-ASCII may stand (an address header of a message written as UTF-8) */
    static String checkAndUnfold(
            String mailer, String field, String name, String raw, boolean addressList, boolean utf8) {
        StringBuilder unfolded = new StringBuilder(raw.length());
        Quotes quotes = addressList ? new Quotes() : null;
        int lineLength = name.length() + 2;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (quotes != null && quotes.inQuotedString()) {
                    throw Problems.invalid(
                            JcaMessages.LINE_BREAK_OR_CONTROL,
                            mailer,
                            field,
                            raw,
                            "contains a line break inside a quoted string at index " + i);
                }
                checkFold(mailer, field, raw, i);
                i++; // the LF; the space or tab after it stays in the value
                lineLength = 0;
                continue;
            }
            if (c == '\n') {
                throw Problems.invalid(
                        JcaMessages.LINE_BREAK_OR_CONTROL,
                        mailer,
                        field,
                        raw,
                        "contains a bare line feed (LF) at index " + i);
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw Problems.invalid(JcaMessages.LINE_BREAK_OR_CONTROL, mailer, field, raw, Text.reasonAt(raw, i));
            }
            if ((c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                throw Problems.invalid(JcaMessages.LINE_BREAK_OR_CONTROL, mailer, field, raw, Text.reasonAt(raw, i));
            }
            if (c > 0x7e && !utf8) {
                throw Problems.invalid(JcaMessages.HEADER_NOT_ASCII, mailer, field, raw, (int) c, i);
            }
            // In octets: a UTF-8 header's non-ASCII character takes two or three (a surrogate pair four).
            lineLength += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (lineLength > MAX_LINE) {
                throw Problems.invalid(JcaMessages.HEADER_LINE_TOO_LONG, mailer, field, raw, MAX_LINE);
            }
            if (quotes != null) {
                quotes.next(c);
            }
            unfolded.append(c);
        }
        return unfolded.toString();
    }

    /** Tracks RFC 5322 quoted strings, skipping quoted pairs and comments. */
    private static final class Quotes {
        private boolean quoted;
        private boolean escaped;
        private int comments;

        boolean inQuotedString() {
            return quoted;
        }

        void next(char c) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\' && (quoted || comments > 0)) {
                escaped = true;
            } else if (quoted) {
                quoted = c != '"';
            } else if (c == '(') {
                comments++;
            } else if (c == ')' && comments > 0) {
                comments--;
            } else if (c == '"' && comments == 0) {
                quoted = true;
            }
        }
    }

    private static void checkFold(String mailer, String field, String raw, int cr) {
        if (cr + 1 >= raw.length() || raw.charAt(cr + 1) != '\n') {
            throw Problems.invalid(
                    JcaMessages.LINE_BREAK_OR_CONTROL,
                    mailer,
                    field,
                    raw,
                    "contains a carriage return (CR) not followed by LF at index " + cr);
        }
        if (cr + 2 >= raw.length() || !Text.isWsp(raw.charAt(cr + 2))) {
            throw Problems.invalid(
                    JcaMessages.LINE_BREAK_OR_CONTROL,
                    mailer,
                    field,
                    raw,
                    "contains a line break (CRLF) at index " + cr + " that is not a header fold");
        }
        for (int j = cr + 2; j < raw.length() && raw.charAt(j) != '\r' && raw.charAt(j) != '\n'; j++) {
            if (!Text.isWsp(raw.charAt(j))) {
                return;
            }
        }
        throw Problems.invalid(
                JcaMessages.LINE_BREAK_OR_CONTROL,
                mailer,
                field,
                raw,
                "contains a folded line of only white space at index " + cr + " (an empty line)");
    }
}

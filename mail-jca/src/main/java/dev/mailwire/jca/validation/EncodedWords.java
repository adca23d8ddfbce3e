package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import jakarta.mail.internet.MimeUtility;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded-words wherever they stand. {@code MimeUtility.decodeText} decodes only words set apart by
 * white space, as RFC 2047 §5 asks, but mail clients are more liberal (Thunderbird and Outlook decode a word inside
 * a file name such as {@code a=?UTF-8?Q?=0D=0A?=.pdf}), so a check must see what the most liberal reader shows.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");

    private EncodedWords() {}

    /** {@code text} with each encoded-word decoded; a word that does not decode is kept as it is. */
    static String decode(String text) {
        if (text.indexOf("=?") < 0) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String decoded;
            try {
                decoded = MimeUtility.decodeWord(m.group());
            } catch (Exception notAWord) {
                decoded = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Refuses {@code value} when, once its encoded-words are decoded, it holds a line break or a control character: an
     * encoded-word may hide CR or LF ({@code =?UTF-8?Q?a=0D=0Ab?=}), and a client that decodes it shows a break.
     *
     * @param what what the value is, ahead of "once decoded" in the error ({@code "parameter name "}), or empty
     */
    static void refuseHiddenBreaks(String mailer, String field, String value, String what) {
        String decoded = decode(value);
        int bad = Text.firstForbiddenInText(decoded);
        if (bad >= 0) {
            throw Problems.invalid(
                    JcaMessages.LINE_BREAK_OR_CONTROL,
                    mailer,
                    field,
                    decoded,
                    what + "once decoded " + Text.reasonAt(decoded, bad));
        }
    }
}

package dev.mailwire.jca.validation;

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
}

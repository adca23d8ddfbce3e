package dev.mailwire.jca.validation;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.JcaMessages;

/**
 * Builds the validation errors from their wording in {@link JcaMessages}. A message names the mailer, the field and
 * the reason, and quotes the offending value only escaped and truncated.
 */
public final class Problems {

    /** How much of an offending value a message quotes: enough to find it, too little to leak a whole header. */
    static final int QUOTE_LIMIT = 40;

    /** How much of a library's error text a message keeps. */
    static final int TEXT_LIMIT = 200;

    private Problems() {}

    /**
     * The error {@code rule} about {@code field}, whose template takes the mailer, then the field with the offending
     * value quoted ({@code subject "Hello\nBcc: x"}), then {@code more}: {@code MWJCA-202 Mailer 'billing': invalid
     * subject "Hello\nBcc: x": contains a line feed (LF) at index 5. ...}.
     *
     * @param value the offending value, or null when there is none to quote
     */
    public static InvalidMailException invalid(
            JcaMessages rule, String mailer, String field, String value, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = mailer;
        args[1] = field + (value == null ? "" : " " + quote(value));
        System.arraycopy(more, 0, args, 2, more.length);
        return new InvalidMailException(mailer, field, rule.format(args));
    }

    /** The error {@code rule} about {@code field}, whose template takes the mailer, then {@code args}. */
    public static InvalidMailException of(JcaMessages rule, String mailer, String field, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = mailer;
        System.arraycopy(args, 0, all, 1, args.length);
        return new InvalidMailException(mailer, field, rule.format(all));
    }

    /**
     * The value between double quotes, with CR, LF, TAB, backslash, quote, other controls and non-ASCII characters
     * escaped ({@code \r}, {@code \n}, {@code \u560a}), cut after {@value #QUOTE_LIMIT} characters.
     */
    public static String quote(String value) {
        return "\"" + escape(value, QUOTE_LIMIT) + "\""
                + (value.length() > QUOTE_LIMIT ? "... (" + value.length() + " characters)" : "");
    }

    /**
     * A library's error text (which may quote the caller's value, line breaks included) made safe to put in an
     * error message: escaped as {@link #quote} does, cut after {@value #TEXT_LIMIT} characters.
     */
    static String escape(String text) {
        if (text == null) {
            return "no detail";
        }
        return escape(text, TEXT_LIMIT) + (text.length() > TEXT_LIMIT ? "..." : "");
    }

    private static String escape(String value, int limit) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(value.length(), limit);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Names a character for a reason: {@code a line feed (LF)}, {@code the control character U+0000}. */
    static String describe(int c) {
        return switch (c) {
            case '\r' -> "a carriage return (CR)";
            case '\n' -> "a line feed (LF)";
            case 0 -> "a NUL character";
            case 0x2028, 0x2029 -> String.format("the Unicode line separator U+%04X", c);
            default ->
                c < 0x20 || (c >= 0x7f && c <= 0x9f)
                        ? String.format("the control character U+%04X", c)
                        : String.format("the character U+%04X", c);
        };
    }
}

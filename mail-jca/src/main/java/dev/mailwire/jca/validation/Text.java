package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;

/** Character rules shared by headers and addresses. */
final class Text {

    private Text() {}

    /**
     * The index of the first character a decoded header text may not hold: CR, LF, C0 and C1 controls other than
     * TAB, DEL, the Unicode line and paragraph separators (some clients render them as line breaks) and unpaired
     * surrogates (they become '?' in UTF-8, so what is sent differs from what was checked); -1 if none.
     */
    static int firstForbiddenInText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first Unicode bidirectional embedding, override or isolate control (U+202A to U+202E, U+2066
     * to U+2069), -1 if none. In a display or file name they reorder what a reader sees ({@code invoice}, U+202E,
     * {@code gpj.exe} shows as {@code invoiceexe.jpg}: the right-to-left override trick, also behind Trojan Source,
     * CVE-2021-42574). The marks U+200E and U+200F (and U+061C) are allowed: they act as one invisible strong letter,
     * cannot reverse a run of text, and names mixing Hebrew or Arabic with Latin or digits need them to display in
     * the right order.
     */
    static int firstBidiControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return i;
            }
        }
        return -1;
    }

    /** Checks a decoded display or file name: the text rules, then no bidi controls. */
    static void checkName(String mailer, String field, String what, String name) {
        int bad = firstForbiddenInText(name);
        if (bad >= 0) {
            throw Problems.invalid(JcaMessages.LINE_BREAK_OR_CONTROL, mailer, field, name, what + reasonAt(name, bad));
        }
        int bidi = firstBidiControl(name);
        if (bidi >= 0) {
            throw Problems.invalid(JcaMessages.BIDI_CONTROL, mailer, field, name, what, (int) name.charAt(bidi), bidi);
        }
    }

    /** The index of the first character outside printable ASCII (0x21 to 0x7E): what an addr-spec may hold. */
    static int firstOutsideGraphicAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the first character a non-ASCII local part (RFC 6531) may not hold, -1 if none. Checked by code
     * point: ASCII outside printable (0x21 to 0x7E), C1 controls (U+0085 among them), format characters (bidi
     * controls and marks, zero-width characters), every kind of white space and separator (U+2028, U+2029, no-break
     * and other spaces), unpaired surrogates, and unassigned or private-use code points: an address a person can
     * read and type, nothing a display or a parser could take for something else.
     */
    static int firstForbiddenInLocalPart(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp < 0x80) {
                if (cp <= 0x20 || cp == 0x7f) {
                    return i;
                }
            } else {
                switch (Character.getType(cp)) {
                    case Character.CONTROL,
                            Character.FORMAT,
                            Character.SPACE_SEPARATOR,
                            Character.LINE_SEPARATOR,
                            Character.PARAGRAPH_SEPARATOR,
                            Character.SURROGATE,
                            Character.PRIVATE_USE,
                            Character.UNASSIGNED -> {
                        return i;
                    }
                    default -> {}
                }
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** Whether {@code s} holds a character outside ASCII. */
    static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return true;
            }
        }
        return false;
    }

    static String reasonAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
            return "contains an unpaired surrogate at index " + i;
        }
        return "contains " + Problems.describe(c) + " at index " + i;
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }
}

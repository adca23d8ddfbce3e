package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses addresses strictly and checks what Angus's strict parser lets through: it accepts a quoted local part
 * holding CRLF and a space ({@code "a\r\n b"@x}), raw non-ASCII characters (CVE-2025-7962's U+560A, whose low
 * byte is LF), and control characters in display names. The address part (what goes into MAIL FROM and RCPT TO)
 * must be printable ASCII without white space, no quoted local part with spaces, which real mail never needs and
 * which is the only place a CRLF could hide. The one exception is a non-ASCII local part in a message written as
 * UTF-8 (RFC 6532, sent with SMTPUTF8, RFC 6531): checked by code point ({@link Text#firstForbiddenInLocalPart}).
 * The domain is always ASCII (A-labels). Display names may be non-ASCII (they are MIME-encoded) but never hold CR,
 * LF or controls.
 */
final class Addresses {

    private Addresses() {}

    /**
     * One address from a caller's string, such as {@code Ada <ada@example.org>}. An internationalized domain
     * ({@code bücher.example}) is turned into its A-labels ({@code xn--bcher-kva.example}), the form that DNS, the
     * envelope and an ASCII header hold. A non-ASCII local part is accepted (checked by code point): the message
     * that carries it must then be written as UTF-8 and sent with SMTPUTF8.
     */
    static InternetAddress parseOne(String mailer, String field, String value) {
        int bad = Text.firstForbiddenInText(value);
        if (bad >= 0) {
            throw Problems.invalid(JcaMessages.LINE_BREAK_OR_CONTROL, mailer, field, value, Text.reasonAt(value, bad));
        }
        List<InternetAddress> parsed = parseList(mailer, field, value, true, true);
        if (parsed.size() != 1) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS,
                    mailer,
                    field,
                    value,
                    "holds " + parsed.size() + " addresses where one is expected");
        }
        InternetAddress address = parsed.get(0);
        if (address.isGroup()) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS, mailer, field, value, "is a group where one address is expected");
        }
        if (address.getPersonal() != null) {
            try {
                // Encode the display name as UTF-8 whatever the platform's default charset is.
                address.setPersonal(address.getPersonal(), StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    /**
     * An address list: a header's unfolded value. Groups are allowed; their members are checked.
     *
     * @param utf8 whether the message is written as UTF-8: a local part may then be non-ASCII
     */
    static List<InternetAddress> parseList(String mailer, String field, String value, boolean utf8) {
        return parseList(mailer, field, value, false, utf8);
    }

    /**
     * @param aLabels whether to turn internationalized domains into A-labels first: only for a caller's string, which
     *     becomes a new header; a message's own header is checked as it will be written, never changed
     */
    private static List<InternetAddress> parseList(
            String mailer, String field, String value, boolean aLabels, boolean utf8) {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(value, true);
        } catch (AddressException e) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS,
                    mailer,
                    field,
                    value,
                    "is not a valid address list (" + e.getMessage() + ")");
        }
        List<InternetAddress> out = new ArrayList<>();
        for (InternetAddress address : parsed) {
            if (address.isGroup()) {
                checkGroup(mailer, field, address, utf8);
            } else {
                if (aLabels) {
                    toALabels(mailer, field, address);
                }
                check(mailer, field, address, utf8);
            }
            out.add(address);
        }
        return out;
    }

    /**
     * A message's address header (its unfolded value). In a message written as UTF-8, raw non-ASCII may stand only
     * in the addresses' local parts: a display name, group name or comment must be MIME-encoded, as Angus's
     * {@code toUnicodeString} (what {@code setFrom} and {@code setRecipients} write in such a message) does not do.
     */
    static void checkHeader(String mailer, String field, String value, boolean utf8) {
        List<InternetAddress> addresses = parseList(mailer, field, value, utf8);
        if (!utf8 || !Text.hasNonAscii(value)) {
            return;
        }
        // Each address appears in the value as it is; any non-ASCII beyond theirs stands outside an address.
        long inAddresses = 0;
        for (InternetAddress a : addresses) {
            inAddresses += nonAscii(a.getAddress());
        }
        if (nonAscii(value) > inAddresses) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS,
                    mailer,
                    field,
                    value,
                    "holds raw non-ASCII text outside an address (a display name or comment must be MIME-encoded)");
        }
    }

    private static long nonAscii(String s) {
        return s == null ? 0 : s.chars().filter(c -> c > 0x7f).count();
    }

    /**
     * Checks envelope addresses and returns how many there are. A group counts as its members, as Angus's
     * SMTPTransport expands groups into RCPT TO commands.
     */
    static int checkEnvelope(String mailer, String field, Address[] addresses, boolean utf8) {
        int count = 0;
        for (Address address : addresses) {
            if (!(address instanceof InternetAddress internet)) {
                String type = address == null ? "null" : address.getType();
                throw Problems.invalid(
                        JcaMessages.BAD_ADDRESS, mailer, field, null, "is not an Internet address (type " + type + ")");
            }
            if (internet.isGroup()) {
                count += checkGroup(mailer, field, internet, utf8);
            } else {
                check(mailer, field, internet, utf8);
                count++;
            }
        }
        return count;
    }

    static void check(String mailer, String field, InternetAddress address, boolean utf8) {
        String spec = address.getAddress();
        if (spec == null || spec.isEmpty()) {
            throw Problems.invalid(JcaMessages.BAD_ADDRESS, mailer, field, null, "has an empty address");
        }
        int at = spec.lastIndexOf('@');
        int bad = Text.firstOutsideGraphicAscii(spec);
        if (bad >= 0 && spec.charAt(bad) > 0x7f && bad < at && Text.firstOutsideGraphicAscii(spec.substring(at)) < 0) {
            checkUtf8LocalPart(mailer, field, spec, at, utf8);
        } else if (bad >= 0) {
            throw Problems.invalid(JcaMessages.BAD_ADDRESS, mailer, field, spec, addressReason(spec, bad));
        }
        try {
            // Angus's check of the local part is ASCII's: a checked UTF-8 local part is replaced by an ASCII one.
            (bad >= 0 ? new InternetAddress("x" + spec.substring(at)) : address).validate();
        } catch (AddressException e) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS, mailer, field, spec, "is not a valid address (" + e.getMessage() + ")");
        }
        String personal = address.getPersonal();
        if (personal != null) {
            Text.checkName(mailer, field, "display name ", personal);
        }
    }

    /**
     * Rewrites a non-ASCII domain as A-labels (IDNA, {@link IDN#toASCII} with the STD3 rules, so no character that a
     * host name may not hold survives). A domain that does not convert is refused, naming it.
     */
    private static void toALabels(String mailer, String field, InternetAddress address) {
        String spec = address.getAddress();
        int at = spec == null ? -1 : spec.lastIndexOf('@');
        if (at < 0 || Text.firstOutsideGraphicAscii(spec.substring(at + 1)) < 0) {
            return;
        }
        String domain = spec.substring(at + 1);
        try {
            address.setAddress(spec.substring(0, at + 1) + IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS,
                    mailer,
                    field,
                    domain,
                    "is a domain that is not a valid internationalized domain name");
        }
    }

    /** A local part with a non-ASCII character (at or after index 0, before {@code at}). */
    private static void checkUtf8LocalPart(String mailer, String field, String spec, int at, boolean utf8) {
        String local = spec.substring(0, at);
        int bad = Text.firstForbiddenInLocalPart(local);
        if (bad >= 0) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS,
                    mailer,
                    field,
                    spec,
                    "contains " + Problems.describe(local.codePointAt(bad)) + " at index " + bad
                            + " of the local part");
        }
        if (local.startsWith("\"") || !utf8) {
            int first = 0;
            while (local.charAt(first) <= 0x7f) {
                first++;
            }
            throw Problems.invalid(JcaMessages.BAD_ADDRESS, mailer, field, spec, addressReason(spec, first));
        }
    }

    private static int checkGroup(String mailer, String field, InternetAddress group, boolean utf8) {
        String text = group.getAddress();
        int bad = Text.firstForbiddenInText(text);
        if (bad >= 0) {
            throw Problems.invalid(
                    JcaMessages.LINE_BREAK_OR_CONTROL, mailer, field, text, "group " + Text.reasonAt(text, bad));
        }
        try {
            InternetAddress[] members = group.getGroup(true);
            for (InternetAddress member : members) {
                check(mailer, field, member, utf8);
            }
            return members.length;
        } catch (AddressException e) {
            throw Problems.invalid(
                    JcaMessages.BAD_ADDRESS, mailer, field, text, "is not a valid group (" + e.getMessage() + ")");
        }
    }

    private static String addressReason(String spec, int i) {
        char c = spec.charAt(i);
        if (c == ' ') {
            return "contains a space at index " + i + " (quoted local parts with white space are refused)";
        }
        if (c > 0x9f) {
            int at = spec.lastIndexOf('@');
            if (at >= 0 && i < at) {
                return String.format(
                        "contains the non-ASCII character U+%04X at index %d of the local part, which needs SMTPUTF8"
                                + " (RFC 6531): a message must be written as UTF-8 (mail.mime.allowutf8=true in its"
                                + " session; Mailwire's mailers do this) to carry it, and a quoted local part is"
                                + " ASCII",
                        (int) c, i);
            }
            return String.format(
                    "contains the non-ASCII character U+%04X at index %d; a domain is written as A-labels"
                            + " (see CVE-2025-7962 for why raw non-ASCII is refused)",
                    (int) c, i);
        }
        return Text.reasonAt(spec, i);
    }
}

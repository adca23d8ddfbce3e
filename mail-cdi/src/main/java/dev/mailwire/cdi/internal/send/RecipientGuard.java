package dev.mailwire.cdi.internal.send;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code approved-recipients} staging guard: only addresses that match one of the patterns are sent to. A
 * staging system with production data must not mail real customers, so the guard works on the SMTP envelope, after
 * validation and before a connection is borrowed.
 */
public final class RecipientGuard {

    /** No guard configured: every recipient is approved. */
    public static final RecipientGuard NONE = new RecipientGuard(List.of());

    /** The recipients a send goes to, and those the guard removed (addresses only). */
    record Split(Address[] approved, List<String> dropped) {}

    private final List<Pattern> patterns;

    private RecipientGuard(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * Parses a comma-separated list, {@code \,} standing for a comma inside a pattern (the list syntax of
     * MicroProfile Config, applied here since the value is read as one string).
     *
     * @throws PatternSyntaxException for the first pattern that does not compile
     */
    public static RecipientGuard parse(String value) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : splitList(value)) {
            // Whole-address match, case-insensitive: the domain part is, and staging lists are written by hand.
            patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
        return new RecipientGuard(List.copyOf(patterns));
    }

    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                items.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        items.add(current.toString().trim());
        return items.stream().filter(s -> !s.isEmpty()).toList();
    }

    boolean isActive() {
        return !patterns.isEmpty();
    }

    Split split(Address[] recipients) {
        if (!isActive()) {
            return new Split(recipients, List.of());
        }
        List<Address> approved = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Address a : recipients) {
            String address = a instanceof InternetAddress ia ? ia.getAddress() : a.toString();
            if (patterns.stream().anyMatch(p -> p.matcher(address).matches())) {
                approved.add(a);
            } else {
                dropped.add(address);
            }
        }
        return new Split(approved.toArray(Address[]::new), List.copyOf(dropped));
    }
}

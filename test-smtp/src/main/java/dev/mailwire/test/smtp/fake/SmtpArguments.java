package dev.mailwire.test.smtp.fake;

import java.util.Locale;

/** The parts of MAIL and RCPT arguments the fake server looks at (RFC 5321 section 4.1.2, RFC 1870). */
final class SmtpArguments {

    private SmtpArguments() {}

    /** The path between the angle brackets of {@code FROM:<a@b> ...} or {@code TO:<a@b>}; lenient without them. */
    static String address(String arguments) {
        int colon = arguments.indexOf(':');
        String rest = colon >= 0 ? arguments.substring(colon + 1).trim() : arguments;
        int open = rest.indexOf('<');
        int close = rest.indexOf('>');
        if (open >= 0 && close > open) {
            return rest.substring(open + 1, close);
        }
        return rest.split(" ", 2)[0];
    }

    static long declaredSize(String arguments) {
        for (String parameter : arguments.split(" ")) {
            if (parameter.toUpperCase(Locale.ROOT).startsWith("SIZE=")) {
                try {
                    return Long.parseLong(parameter.substring(5));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}

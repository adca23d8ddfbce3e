package dev.mailwire.jca;

import java.util.Locale;

/** Parsing of setting values given as text, with errors that name the key. */
final class Values {

    private Values() {}

    static Integer integer(String mailer, String key, String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ConfigErrors.invalid(mailer, key, value, "a whole number");
        }
    }

    static Boolean bool(String mailer, String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw ConfigErrors.invalid(mailer, key, value, "true or false");
        }
        return Boolean.valueOf(v);
    }
}

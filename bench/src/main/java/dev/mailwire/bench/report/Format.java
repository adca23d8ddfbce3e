package dev.mailwire.bench.report;

import java.util.Locale;

/** Number formats of the report: enough digits to compare, no more. */
final class Format {

    private Format() {}

    static String rate(double perSecond) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f", perSecond);
        }
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.1f" : "%.2f", perSecond);
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f", ms);
        }
        return String.format(Locale.ROOT, ms >= 10 ? "%.1f" : ms >= 1 ? "%.2f" : "%.3f", ms);
    }

    static String micros(double micros) {
        if (micros < 0) {
            return "–";
        }
        return String.format(Locale.ROOT, micros >= 100 ? "%,.0f" : "%.1f", micros);
    }

    static String ratio(double x) {
        return String.format(Locale.ROOT, x >= 10 ? "%.0f×" : "%.2f×", x);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "±%.0f %%", p);
    }

    /**
     * What a table cell shows of a failure: its first line (the rest, a server's log tail or a stack trace, went to the
     * console), with the table's column separator escaped.
     */
    static String failure(String error) {
        String first = error == null ? "" : error.strip().lines().findFirst().orElse("");
        return first.replace('|', '/');
    }
}

package dev.mailwire.bench.report;

/**
 * One goal's outcome as printed and reported.
 *
 * @param measured what was measured, in words and numbers
 */
public record Goal(String id, String description, String measured, Verdict verdict) {

    public enum Verdict {
        PASS,
        FAIL,
        NOT_MEASURED,
        /** A stretch goal the code under test does not try for: its figure is a measurement, not a verdict. */
        NOT_ATTEMPTED
    }

    public static Goal of(String id, String description, String measured, boolean pass) {
        return new Goal(id, description, measured, pass ? Verdict.PASS : Verdict.FAIL);
    }

    public String line() {
        String v = verdict.name().replace('_', ' ');
        return String.format("%-4s %-5s %s — %s", id, v, description, measured);
    }
}

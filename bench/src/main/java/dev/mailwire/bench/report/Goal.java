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
        NOT_MEASURED
    }

    public static Goal of(String id, String description, String measured, boolean pass) {
        return new Goal(id, description, measured, pass ? Verdict.PASS : Verdict.FAIL);
    }

    public String line() {
        String v = verdict == Verdict.NOT_MEASURED ? "NOT MEASURED" : verdict.name();
        return String.format("%-4s %-5s %s — %s", id, v, description, measured);
    }
}

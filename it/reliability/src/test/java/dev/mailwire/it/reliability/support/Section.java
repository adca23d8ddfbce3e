package dev.mailwire.it.reliability.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One test class's part of the report: a table of figures, a few lines of prose, and its contribution to the matrix
 * totals. Every figure is either asserted against a bound it states, or recorded as measured only; the check of an
 * asserted figure runs when it is recorded, so the report that {@link Report#write} files says which figures held and
 * which failed, and {@link #verify()} then fails the test for each one that did not. What is printed is what is
 * asserted: there is no second copy of the value for an assertion to drift from.
 */
public final class Section {

    /** The text of the check column for a figure that no assertion covers. */
    private static final String MEASURED = "measured, not asserted";

    final String id;
    final String title;
    final long startNanos = System.nanoTime();
    final StringBuilder figures = new StringBuilder();
    final StringBuilder notes = new StringBuilder();
    final Map<Matrix, Long> counts = new EnumMap<>(Matrix.class);
    final List<String> failed = new ArrayList<>();
    int asserted;
    int measured;
    private int verified;

    Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A figure no assertion covers: the report labels it "measured, not asserted". */
    public synchronized Section measured(String name, Object value, String how) {
        measured++;
        return row(name, value, MEASURED, how);
    }

    /**
     * A figure asserted against {@code bound} (worded for the reader, e.g. {@code "≤ 4"}): {@code holds} is the
     * outcome of the check. A figure that does not hold is marked FAILED in the report and fails {@link #verify()}.
     */
    public synchronized Section asserted(String name, Object value, boolean holds, String bound, String how) {
        asserted++;
        if (!holds) {
            failed.add(name + " = " + value + " (bound " + bound + ")");
        }
        return row(name, value, (holds ? "" : "**FAILED**: ") + "asserted (bound " + bound + ")", how);
    }

    public Section atMost(String name, long value, long bound, String how) {
        return asserted(name, value, value <= bound, "≤ " + bound, how);
    }

    public Section atLeast(String name, long value, long bound, String how) {
        return asserted(name, value, value >= bound, "≥ " + bound, how);
    }

    public Section exactly(String name, long value, long expected, String how) {
        return asserted(name, value, value == expected, "= " + expected, how);
    }

    public Section zero(String name, long value, String how) {
        return exactly(name, value, 0, how);
    }

    private Section row(String name, Object value, String check, String how) {
        figures.append("| ")
                .append(name)
                .append(" | ")
                .append(value)
                .append(" | ")
                .append(check)
                .append(" | ")
                .append(how)
                .append(" |\n");
        return this;
    }

    public synchronized Section note(String text) {
        notes.append(text).append("\n\n");
        return this;
    }

    /**
     * Adds to a matrix total. A total whose bound is 0 ({@link Matrix#mustBeZero()}) is asserted here too: the summary
     * prints no zero that a section did not check.
     */
    public synchronized Section count(Matrix figure, long n) {
        counts.merge(figure, n, Long::sum);
        if (figure.mustBeZero() && n != 0) {
            failed.add("summary: " + figure.label() + " = " + n + " (bound = 0)");
        }
        return this;
    }

    /**
     * Fails with every figure that did not hold since the last call (a section shared by the runs of a parameterized
     * test fails each run for its own figures only). Call it after {@link Report#write}, so the report is on disk.
     */
    public synchronized void verify() {
        List<String> fresh = List.copyOf(failed.subList(verified, failed.size()));
        verified = failed.size();
        if (!fresh.isEmpty()) {
            throw new AssertionError("Section '" + title + "': " + fresh.size() + " figure(s) outside their bound, "
                    + "marked FAILED in " + Soak.current().report() + ":\n  " + String.join("\n  ", fresh));
        }
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}

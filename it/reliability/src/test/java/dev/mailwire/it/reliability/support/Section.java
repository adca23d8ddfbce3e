package dev.mailwire.it.reliability.support;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One test class's part of the report: a table of figures, each with how it was measured, a few lines of prose, and
 * its contribution to the matrix totals. {@link Report#write} files it.
 */
public final class Section {

    final String id;
    final String title;
    final long startNanos = System.nanoTime();
    final StringBuilder figures = new StringBuilder();
    final StringBuilder notes = new StringBuilder();
    final Map<Matrix, Long> counts = new EnumMap<>(Matrix.class);

    Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** A row: the figure, its value, and how the suite measured it. */
    public Section figure(String name, Object value, String how) {
        figures.append("| ")
                .append(name)
                .append(" | ")
                .append(value)
                .append(" | ")
                .append(how)
                .append(" |\n");
        return this;
    }

    public Section note(String text) {
        notes.append(text).append("\n\n");
        return this;
    }

    /** Adds to a matrix total. */
    public Section count(Matrix figure, long n) {
        counts.merge(figure, n, Long::sum);
        return this;
    }

    public long count(Matrix figure) {
        return counts.getOrDefault(figure, 0L);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}

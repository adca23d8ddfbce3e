package dev.mailwire.it.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A figure outside its bound is marked FAILED in the report that is written, the report's verdict names it, and the
 * test fails after the report is on disk; a figure no assertion covers says so. (The report used to be written before
 * the assertions ran, and called every figure asserted.)
 */
class FailedFigureIsMarkedInTheReportTest {

    @Test
    void theReportMarksWhatFailedAndTheTestFails() {
        Section s = new Section("9-probe", "Probe section");
        s.atMost("peak connections", 5, 4, "the server's log")
                .zero("lost", 0, "committed − delivered")
                .measured("drain time", "812 ms", "a clock")
                .count(Matrix.LOST, 0);

        String text = ReportText.render(Soak.CI, List.of(Report.fragment(s)));

        assertThat(text)
                .contains("| peak connections | 5 | **FAILED**: asserted (bound ≤ 4) | the server's log |")
                .contains("| lost | 0 | asserted (bound = 0) | committed − delivered |")
                .contains("| drain time | 812 ms | measured, not asserted | a clock |")
                .contains("**Result: FAILED** (2 asserted, 1 measured only)")
                .contains("- Probe section: peak connections = 5 (bound ≤ 4)");
        assertThatThrownBy(s::verify).isInstanceOf(AssertionError.class).hasMessageContaining("peak connections = 5");
    }

    @Test
    void aSummaryTotalThatMustBeZeroIsAssertedWhereItIsCounted() {
        Section s = new Section("9-probe", "Probe section");
        s.count(Matrix.STUCK_THREADS, 1).count(Matrix.DUPLICATES, 3);

        String text = ReportText.render(Soak.CI, List.of(Report.fragment(s)));

        assertThat(text).contains("**Result: FAILED**").contains("threads left in socket I/O");
        assertThatThrownBy(s::verify).hasMessageContaining("summary: threads left in socket I/O");
    }

    @Test
    void aSectionThatNeverFiledItsFiguresIsMarkedUnfinished() {
        Section done = new Section("9-a", "Finished section");
        done.zero("lost", 0, "books");
        java.util.Properties started = new java.util.Properties();
        started.setProperty("title", "Crashed section");
        started.setProperty("finished", "false");
        started.setProperty("measured", "2026-12-06T07:00:00Z");

        String text = ReportText.render(Soak.CI, List.of(Report.fragment(done), started));

        assertThat(text).contains("**DID NOT FINISH**").contains("- Crashed section: did not finish");
    }
}

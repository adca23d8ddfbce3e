package dev.mailwire.bench.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing-cost table goes into the report {@code BenchMain} wrote, before its "Measurements", and a second run
 * replaces the first run's section instead of adding another; without a report it starts one.
 */
class SigningCostSectionGoesIntoTheReportOnceTest {

    @TempDir
    Path dir;

    @Test
    void beforeMeasurementsAndReplacedByTheNextRun() throws Exception {
        Path report = Files.writeString(
                dir.resolve("performance.md"), "# Performance\n\n## Goals\n\ng\n\n## Measurements\n\nm\n");
        SigningCostSection.write(report, List.of("| first |"));
        SigningCostSection.write(report, List.of("| second |"));

        String text = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(text).contains("| second |").doesNotContain("| first |");
        assertThat(text.split("## " + SigningCostSection.NAME, -1)).hasSize(2);
        assertThat(text.indexOf("## Goals"))
                .isLessThan(text.indexOf("## " + SigningCostSection.NAME))
                .isLessThan(text.indexOf("## Measurements"));
        assertThat(text).endsWith("## Measurements\n\nm\n").contains("\n\n## Measurements");
    }

    @Test
    void aMissingReportGetsTheSectionAlone() throws Exception {
        Path report = dir.resolve("sub/performance.md");
        SigningCostSection.write(report, List.of("| row |"));
        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .startsWith("## " + SigningCostSection.NAME)
                .endsWith("| row |\n");
    }
}

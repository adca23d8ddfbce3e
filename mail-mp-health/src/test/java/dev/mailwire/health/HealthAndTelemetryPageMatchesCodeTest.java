package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.telemetry.TelemetryNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/health-and-telemetry.md lists exactly the settings of {@link HealthKey} (type and default), the message ids of
 * {@link HealthMessages}, and the metrics, span and attributes of {@link TelemetryNames}.
 */
class HealthAndTelemetryPageMatchesCodeTest {

    @Test
    void settingsTableEqualsTheDeclaredKeys() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : page().lines().toList()) {
            if (line.startsWith("| `" + HealthKey.PREFIX)) {
                String[] cells = line.split("\\|");
                documented.put(cells[1].trim().replace("`", ""), cells[2].trim() + " | " + cells[3].trim());
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (HealthKey k : HealthKey.values()) {
            declared.put(k.propertyName(), k.type() + " | " + k.defaultValue().orElse("—"));
        }
        assertThat(documented).containsExactlyEntriesOf(declared);
    }

    @Test
    void everyMessageIdIsExplainedAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : page().lines().toList()) {
            if (line.startsWith("| `MWHEALTH-")) {
                documented.add(line.split("`")[1]);
            }
        }
        Set<String> declared = new TreeSet<>();
        Arrays.stream(HealthMessages.values()).forEach(m -> declared.add(m.id()));
        assertThat(documented).isEqualTo(declared);
    }

    @Test
    void everyTelemetryNameIsDocumented() throws IOException, IllegalAccessException {
        String page = page();
        for (Field f : TelemetryNames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                assertThat(page).as(f.getName()).contains("`" + f.get(null) + "`");
            }
        }
        List<String> metricRows = page.lines()
                .filter(l -> l.startsWith("| `mailwire.") && l.split("\\|").length > 5)
                .map(l -> l.split("`")[1])
                .toList();
        Set<String> constants = new TreeSet<>();
        for (Field f : TelemetryNames.class.getFields()) {
            constants.add(String.valueOf(f.get(null)));
        }
        assertThat(constants).containsAll(metricRows);
    }

    private static String page() throws IOException {
        Path dir = Path.of(System.getProperty("mailwire.docs.dir", "../docs"));
        return Files.readString(dir.resolve("health-and-telemetry.md"));
    }
}

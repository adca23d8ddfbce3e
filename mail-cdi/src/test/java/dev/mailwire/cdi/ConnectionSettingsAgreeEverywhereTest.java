package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.settings.ConnectionSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Mailwire's MicroProfile Config keys and its documentation agree with the resource adapter's {@link ConnectionSetting}
 * table, the one description of each connection setting: every setting applications configure is a {@link MailerKey}
 * of the same type and default, and docs/configuration.md's table of connection-definition properties is the table's.
 * (The factory's bean properties and ra.xml are held to it in mail-jca; the MicroProfile Config reference table to
 * {@link MailerKey} by {@link ConfigurationReferenceMatchesCodeTest}.)
 */
class ConnectionSettingsAgreeEverywhereTest {

    private static final String SECTION = "Connection definition properties (resource adapter)";

    @Test
    void everyConfigKeyIsAMailerKeyOfTheSameTypeAndDefault() {
        Map<String, String> declared = new LinkedHashMap<>();
        for (MailerKey k : MailerKey.values()) {
            if (ConnectionSetting.byKey(k.key()).isPresent()) {
                declared.put(
                        k.key(), k.type().label() + " | " + k.defaultValue().orElse("—"));
            }
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (ConnectionSetting s : ConnectionSetting.values()) {
            if (s.isConfigKey()) {
                table.put(
                        s.key(),
                        s.kind().label() + " | " + s.documentedDefault().orElse("—"));
            }
        }
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(table); // each in its own order: docs, ra.xml
    }

    @Test
    void connectionDefinitionTableIsTheSettings() throws Exception {
        List<String> documented = Docs.tableRows("configuration.md", SECTION);
        List<String> expected = Arrays.stream(ConnectionSetting.values())
                .map(ConnectionSettingsAgreeEverywhereTest::row)
                .toList();
        if (!documented.equals(expected)) {
            Path out = Path.of("target", "connection-definition-table.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.join("\n", expected) + "\n");
        }
        assertThat(documented)
                .as("docs/configuration.md's connection-definition rows; expected rows in target/"
                        + "connection-definition-table.md")
                .containsExactlyElementsOf(expected);
    }

    private static String row(ConnectionSetting s) {
        return "| `" + s.property() + "` | " + (s.isConfigKey() ? "`" + s.key() + "`" : "—") + " | "
                + type(s) + " | "
                + s.defaultValue()
                        .map(v -> "`" + v + "`")
                        .or(() -> s.documentedDefault()
                                .map(d -> d.replace("<", "&lt;").replace(">", "&gt;")))
                        .orElse("—")
                + " | "
                + (s.smtpProperties().isEmpty()
                        ? "—"
                        : s.smtpProperties().stream().map(p -> "`" + p + "`").collect(Collectors.joining(", ")))
                + " | " + travel(s) + " |";
    }

    private static String type(ConnectionSetting s) {
        String bean = s.kind().beanType().getSimpleName();
        return switch (s.kind()) {
            case STRING, INTEGER, BOOLEAN -> bean;
            case MAP -> bean + " (key=value;key=value)";
            default -> bean + " (" + s.kind().label() + ")";
        };
    }

    private static String travel(ConnectionSetting s) {
        return switch (s.travel()) {
            case NEVER -> "no";
            case IDENTITY -> "as the spec's identity";
            case OVERRIDE -> "yes";
            case OVERRIDE_IF_ALLOWED, PASS_THROUGH -> "if listed";
        };
    }
}

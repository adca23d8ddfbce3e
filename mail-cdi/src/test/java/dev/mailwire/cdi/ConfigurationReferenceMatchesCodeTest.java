package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the keys of {@link MailerKey}, with their types and defaults. */
class ConfigurationReferenceMatchesCodeTest {

    @Test
    void referenceTableEqualsTheDeclaredKeys() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Docs.tableRows("configuration.md", "Reference")) {
            String[] cells = line.split("\\|");
            String key = cells[1].trim().replace("`", "");
            documented.put(key, cells[2].trim() + " | " + cells[3].trim());
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Arrays.stream(MailerKey.values())
                .forEach(k -> declared.put(
                        k.key(), k.type().label() + " | " + k.defaultValue().orElse("—")));

        assertThat(documented).containsExactlyEntriesOf(declared);
    }
}

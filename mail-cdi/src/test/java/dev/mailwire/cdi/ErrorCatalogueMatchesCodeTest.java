package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.Messages;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every message id of {@link Messages} has its entry in docs/errors.md, and the page names no other. */
class ErrorCatalogueMatchesCodeTest {

    @Test
    void catalogueHasOneEntryPerMessage() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^### (MWCDI-\\d{3}) ").matcher(Docs.read("errors.md"));
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> declared = new TreeSet<>();
        Arrays.stream(Messages.values()).map(Messages::id).forEach(declared::add);

        assertThat(documented).isEqualTo(declared);
        assertThat(declared).hasSize(Messages.values().length); // ids are unique
    }
}

package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.jca.JcaMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/errors.md and the code agree, and each error has one wording: every id of the CDI layer ({@link Messages}) and
 * of the resource adapter ({@link JcaMessages}) has its entry and the page explains no other; no id and no wording is
 * declared twice in the two catalogues; every such id the code names is explained; mail-jca words no error outside
 * its catalogue; and no sentence is written twice in the main code of mail-api, mail-jca, mail-cdi and
 * mail-mp-health (the outbox's catalogue and the health checks' included).
 */
class ErrorCatalogueMatchesCodeTest {

    private static final Pattern ID = Pattern.compile("MW(?:CDI|JCA)-\\d{3}");

    /** A literal this long is a sentence, not a key or a fragment. */
    private static final Pattern SENTENCE = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.){40,})\"");

    private static final List<String> MODULES = List.of("mail-api", "mail-jca", "mail-cdi", "mail-mp-health");

    @Test
    void everyIdHasOneEntryAndThePageExplainsNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^### (" + ID.pattern() + ") ").matcher(Docs.read("errors.md"));
        while (m.find()) {
            assertThat(documented.add(m.group(1)))
                    .as("%s explained once", m.group(1))
                    .isTrue();
        }

        assertThat(documented).isEqualTo(declaredIds());
    }

    @Test
    void noIdAndNoWordingIsDeclaredTwice() {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> wordings = new HashMap<>();
        for (Messages m : Messages.values()) {
            assertThat(ids.put(m.id(), m.name())).as(m.id()).isNull();
            assertThat(wordings.put(m.template(), m.id())).as(m.template()).isNull();
        }
        for (JcaMessages m : JcaMessages.values()) {
            assertThat(ids.put(m.id(), m.name())).as(m.id()).isNull();
            assertThat(wordings.put(m.template(), m.id())).as(m.template()).isNull();
        }
    }

    @Test
    void everyIdTheCodeNamesIsExplained() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Path file : mainSources()) {
            Matcher m = ID.matcher(Files.readString(file));
            while (m.find()) {
                named.add(m.group());
            }
        }

        assertThat(declaredIds()).containsAll(named);
    }

    @Test
    void theAdapterWordsNoErrorOutsideItsCatalogue() throws IOException {
        List<String> outside = new ArrayList<>();
        Pattern literalMessage = Pattern.compile("new [\\w.]*Exception\\(\\s*\"");
        for (Path file : sources("mail-jca")) {
            if (file.endsWith("JcaMessages.java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean debugLog = line.contains("LOG.fine") || line.contains("Level.FINE");
                if ((line.contains("\"Mailer '") && !debugLog)
                        || literalMessage.matcher(line).find()) {
                    outside.add(file.getFileName() + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }

        assertThat(outside).isEmpty();
    }

    @Test
    void noSentenceIsWrittenTwice() throws IOException {
        Map<String, List<String>> where = new TreeMap<>();
        for (Path file : mainSources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("*") || line.startsWith("//")) {
                    continue; // documentation may quote a message
                }
                Matcher m = SENTENCE.matcher(line);
                while (m.find()) {
                    // SQL is a query, not a wording: the outbox's queries share their clauses.
                    if (!m.group(1).matches("(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER) .*")) {
                        where.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                                .add(file.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        where.values().removeIf(places -> places.size() < 2);

        assertThat(where).isEmpty();
    }

    private static Set<String> declaredIds() {
        Set<String> declared = new TreeSet<>();
        Stream.of(Messages.values()).map(Messages::id).forEach(declared::add);
        Stream.of(JcaMessages.values()).map(JcaMessages::id).forEach(declared::add);
        return declared;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String module : MODULES) {
            all.addAll(sources(module));
        }
        return all;
    }

    private static List<Path> sources(String module) throws IOException {
        Path root = Path.of(System.getProperty("mailwire.docs.dir", "../docs"))
                .toAbsolutePath()
                .getParent()
                .resolve(module)
                .resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}

package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/transactions.md shows the DDL the code runs, for each database, and explains every MWTX message. */
class OutboxDocumentationMatchesCodeTest {

    private static String page() throws Exception {
        Path dir = Path.of(System.getProperty("mailwire.docs.dir", "../docs"));
        return Files.readString(dir.resolve("transactions.md")).replaceAll("\\s+", " ");
    }

    @Test
    void ddlOfEachDatabaseIsDocumented() throws Exception {
        // Compared without whitespace: the page lays the columns out a line each.
        String page = page().replaceAll("\\s+", "");
        for (OutboxTable.Dialect dialect : OutboxTable.Dialect.values()) {
            for (String statement : new OutboxTable(OutboxAdmin.DEFAULT_TABLE).ddl(dialect)) {
                assertThat(page).as(dialect + " DDL: " + statement).contains(statement.replaceAll("\\s+", ""));
            }
        }
    }

    @Test
    void everyMessageIsExplained() throws Exception {
        String page = page();
        for (OutboxMessages m : OutboxMessages.values()) {
            assertThat(page).as(m.name()).contains("**" + m.id() + "**");
        }
    }
}

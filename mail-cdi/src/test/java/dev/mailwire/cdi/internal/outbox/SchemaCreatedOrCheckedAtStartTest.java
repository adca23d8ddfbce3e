package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.tx.Databases;
import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At start the outbox table is created when missing (and {@code outbox.create-schema} allows it), checked when it is
 * there, and refused with a message naming the key when it is missing or unusable.
 */
class SchemaCreatedOrCheckedAtStartTest {

    private AgroalDataSource h2;

    @BeforeEach
    void open() {
        h2 = Databases.h2();
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void createdWhenMissingThenAcceptedAsItIs() throws Exception {
        ensure("app.mail_outbox", true);
        ensure("app.mail_outbox", true); // a second start (or a second node) finds it made
        assertThat(Databases.count(h2, "SELECT COUNT(*) FROM app.mail_outbox")).isZero();
    }

    @Test
    void missingTableWithoutCreateFailsNamingTheKey() {
        assertThatThrownBy(() -> ensure("mailwire_outbox", false))
                .isInstanceOf(MailerConfigurationException.class)
                .hasMessageContaining("MWTX-002")
                .hasMessageContaining("mailwire.mailer.outbox.create-schema")
                .extracting(e -> ((MailerConfigurationException) e).key())
                .isEqualTo("mailwire.mailer.outbox.create-schema");
    }

    @Test
    void tableWithoutEveryColumnIsRefused() throws Exception {
        Databases.execute(h2, "CREATE TABLE mailwire_outbox (id VARCHAR(36) PRIMARY KEY)");
        assertThatThrownBy(() -> ensure("mailwire_outbox", true))
                .isInstanceOf(MailerConfigurationException.class)
                .hasMessageContaining("MWTX-003")
                .hasMessageContaining("MAILER");
    }

    private void ensure(String table, boolean create) throws Exception {
        if (table.contains(".")) {
            Databases.execute(h2, "CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
        }
        OutboxSchema.ensure(
                "<default>",
                h2,
                new OutboxTable(table),
                create,
                "mailwire.mailer.outbox.table",
                "mailwire.mailer.outbox.create-schema");
    }
}

package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.jca.CatalogueMessage;

/**
 * The wording of every error and log message of transactional delivery, in one place so that the error list in
 * docs/transactions.md stays true (a test checks each id is explained there). Messages name the mailer, the key or
 * the outbox entry, and the Message-ID, never a mail's content.
 */
enum OutboxMessages implements CatalogueMessage {
    DATASOURCE_NOT_FOUND(
            "MWTX-001",
            "Mailer '%s': the setting '%s' names '%s', which is neither a DataSource in JNDI nor a DataSource bean"
                    + " @Named(\"%s\") (%s)."),
    TABLE_MISSING(
            "MWTX-002",
            "Mailer '%s': the outbox table %s does not exist and %s is false; create it with the DDL in"
                    + " docs/transactions.md."),
    TABLE_INVALID(
            "MWTX-003",
            "Mailer '%s': the outbox table %s cannot be used (%s); compare it with the DDL in docs/transactions.md."),
    NO_DDL(
            "MWTX-004",
            "Mailer '%s': the outbox table %s does not exist, and Mailwire has no DDL for %s; create it by hand from"
                    + " docs/transactions.md."),
    NOT_ENLISTED(
            "MWTX-005",
            "Mailer '%s': the DataSource '%s' that %s names gives a connection in auto-commit inside a JTA"
                    + " transaction, so the outbox row would not roll back with the transaction. Name a JTA"
                    + " (transactional) DataSource."),
    INSERT_FAILED("MWTX-006", "Mailer '%s': the mail (Message-ID %s) could not be written to the outbox table %s: %s"),
    LEASE_TOO_SHORT(
            "MWTX-007",
            "Mailer '%s': %s (%s) must be longer than %s (%s), or a slow send could be taken over by another node and"
                    + " sent twice."),
    TRANSACTION_UNUSABLE("MWTX-008", "Mailer '%s': the JTA transaction cannot take the mail (Message-ID %s): %s"),
    MEMORY_LIMIT(
            "MWTX-009",
            "Mailer '%s': mail %s (%d bytes) does not fit in memory beside the %d bytes of committed mail waiting"
                    + " there (%s=%d). Set outbox.datasource to keep mail in a table, or raise the limit."),
    DEAD_LETTERED("MWTX-101", "Mailer '%s': mail %s (outbox entry %s) dead-lettered after %d attempt(s): %s"),
    LEASE_LOST(
            "MWTX-102",
            "Mailer '%s': outbox entry %s (Message-ID %s) was taken over by another node while it was being sent;"
                    + " it may be delivered twice, with the same Message-ID. Is %s longer than a send takes?"),
    RESULT_NOT_RECORDED(
            "MWTX-103",
            "Mailer '%s': the result of sending outbox entry %s (Message-ID %s) could not be recorded in %d tries"
                    + " (%s); once its lease ends it is sent again, with the same Message-ID. Is the database up?"),
    MEMORY_FULL(
            "MWTX-104",
            "Mailer '%s': %d committed mails already wait in memory for delivery; mail %s is dropped. Set"
                    + " outbox.datasource to keep mail in a table instead."),
    LOST_AT_SHUTDOWN(
            "MWTX-105", "Mailer '%s': stopping with %d committed mail(s) not delivered and no outbox to keep them: %s"),
    SWEEP_FAILED("MWTX-106", "Mailer '%s': the outbox sweep failed (%s); it runs again in %s."),
    UNREADABLE(
            "MWTX-108",
            "Mailer '%s': outbox entry %s (Message-ID %s) cannot be read, attempt %d (%s); %s. Look at the row's"
                    + " recipients and message columns, fix or delete it."),
    NO_TRANSACTION_MANAGER(
            "MWTX-107",
            "Mailer '%s': transactional=auto, but no JTA transaction manager was found; every mail is sent at once.");

    private final Entry entry;

    OutboxMessages(String id, String template) {
        this.entry = new Entry(id, template);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}

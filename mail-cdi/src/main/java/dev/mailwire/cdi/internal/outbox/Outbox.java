package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.stats.OutboxSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Where a mailer keeps mail sent inside a JTA transaction until it is delivered: a table written in the same
 * transaction ({@link #durable}), or memory ({@link #inMemory}). {@link #hold} runs on the sending thread inside the
 * transaction; the {@link Held#committed()} it returns runs from the transaction's afterCompletion once it has
 * committed, and only hands the mail to the dispatcher's threads.
 *
 * <p>Not an API: public only for Mailwire's CDI layer.
 */
public abstract class Outbox implements AutoCloseable {

    /**
     * A mail held for its transaction.
     *
     * @param entry the outbox entry's id, or null when held in memory
     * @param onCommit what to run once the transaction has committed; must not block or throw
     * @param onRollback what to run once it has rolled back (give back memory, delete a file); same rules
     */
    public record Held(String entry, Runnable onCommit, Runnable onRollback) {

        /** Hands the mail to the dispatcher; called from afterCompletion(STATUS_COMMITTED) only. */
        public void committed() {
            onCommit.run();
        }

        /** Forgets the mail; called from afterCompletion of a transaction that did not commit. */
        public void rolledBack() {
            onRollback.run();
        }
    }

    Outbox() {}

    /**
     * Starts the outbox of one mailer in {@code dataSource}: creates or checks the table, then starts the sweeper,
     * which also delivers what earlier runs (of any node) left due.
     *
     * @throws MailerConfigurationException if the table is missing or unusable
     */
    public static Outbox durable(
            String mailer,
            OutboxSettings settings,
            DataSource dataSource,
            OutboxTransport transport,
            Consumer<MailOutcome> events) {
        return durable(mailer, settings, dataSource, transport, events, Clock.systemUTC());
    }

    /** @param node this node's clock; the outbox runs on the database's, measured against it */
    static Outbox durable(
            String mailer,
            OutboxSettings settings,
            DataSource dataSource,
            OutboxTransport transport,
            Consumer<MailOutcome> events,
            Clock node) {
        OutboxTable table = new OutboxTable(settings.table());
        DispatchThreads threads = DispatchThreads.create(mailer, settings.threads());
        try {
            threads.runOutsideTransaction(() -> OutboxSchema.ensure(
                    mailer,
                    dataSource,
                    table,
                    settings.createSchema(),
                    settings.property("outbox.table"),
                    settings.property("outbox.create-schema")));
        } catch (RuntimeException e) {
            threads.close();
            throw e;
        }
        // A claim names its owner: this node and this start, so a restarted node does not mistake old leases.
        String owner = UUID.randomUUID().toString();
        OutboxStore store = new OutboxStore(mailer, dataSource, table, owner, settings.lease());
        OutcomeRecorder recorder = new OutcomeRecorder(mailer, transport, events);
        DatabaseClock[] clock = new DatabaseClock[1];
        threads.runOutsideTransaction(() -> clock[0] = DatabaseClock.of(node, dataSource));
        OutboxDispatcher dispatcher = new OutboxDispatcher(store, settings, recorder, threads, clock[0]);
        TableOutbox outbox = new TableOutbox(store, settings, dispatcher, clock[0]);
        dispatcher.start();
        return outbox;
    }

    /** Holds committed mail in memory: no table, and a crash loses what is not delivered yet. */
    public static Outbox inMemory(
            String mailer, OutboxSettings settings, OutboxTransport transport, Consumer<MailOutcome> events) {
        return new MemoryOutbox(
                new OutcomeRecorder(mailer, transport, events),
                settings,
                DispatchThreads.create(mailer, settings.threads()),
                Clock.systemUTC());
    }

    /** For a mock mailer: records each mail into the mock mailbox as its transaction commits, on that thread. */
    public static Outbox inline(String mailer, OutboxTransport transport, Consumer<MailOutcome> events) {
        return new InlineOutbox(new OutcomeRecorder(mailer, transport, events));
    }

    /** The bytes to keep for {@code message}: exactly what the SMTP transport would write, Message-ID included. */
    public static byte[] render(MimeMessage message) throws IOException, MessagingException {
        return StoredMessage.bytesOf(message);
    }

    /** A new entry id: random, so ids from nodes that share the table never collide. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether mail survives a crash after commit. */
    public abstract boolean durable();

    /**
     * Keeps the mail as part of the current transaction. Throws a {@code MailerException} when it cannot, so the
     * caller's transaction can roll back.
     *
     * @param message the message as rendered for sending; the outbox owns it from now on (and closes it, even when
     *     this throws)
     * @param recipients the envelope recipients
     */
    public abstract Held hold(MessageSpool message, String messageId, List<String> recipients);

    /**
     * This mailer's figures for its {@code MailerMonitor}: answered from memory, so a health poll or a metric export
     * never waits on the database.
     */
    public abstract OutboxSource source();

    /** Stops the dispatcher: sends running now finish (bounded); nothing new starts. */
    @Override
    public abstract void close();
}

package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerException;
import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.cdi.stats.OutboxSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The durable outbox: one row per mail, inserted in the sender's transaction, delivered by the dispatcher. */
final class TableOutbox extends Outbox {

    private final OutboxStore store;
    private final OutboxSettings settings;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    TableOutbox(OutboxStore store, OutboxSettings settings, OutboxDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public Held hold(MessageSpool message, String messageId, List<String> recipients) {
        String id = newId();
        Instant now = clock.instant();
        List<RecipientState> pending =
                recipients.stream().map(RecipientState::pending).toList();
        Instant expires = settings.retryPolicy().expiry(now);
        boolean enlisted;
        try {
            enlisted = store.insert(id, messageId, pending, message, now, expires);
        } catch (SQLException e) {
            message.close();
            throw new MailerException(
                    store.mailer(),
                    OutboxMessages.INSERT_FAILED.format(store.mailer(), messageId, store.table().name, e.getMessage()),
                    e);
        }
        // A large message was streamed from its file into the row: it is read back from there to be sent, so no
        // node ever holds it whole in heap. Only a small one is kept in memory for the send after commit.
        MessageSpool inMemory = message.inHeap() ? message : null;
        if (inMemory == null) {
            message.close();
        }
        if (!enlisted) {
            throw new MailerConfigurationException(
                    store.mailer(),
                    settings.property("outbox.datasource"),
                    OutboxMessages.NOT_ENLISTED.format(
                            store.mailer(), settings.dataSource(), settings.property("outbox.datasource")));
        }
        // Sent after commit from the bytes just written (or from the row), and the row is leased to this node.
        OutboxDispatcher.Committed committed = new OutboxDispatcher.Committed(
                new OutboxStore.Claimed(id, messageId, pending, inMemory, 0, expires), now);
        return new Held(id, () -> dispatcher.committed(committed), () -> {});
    }

    /** The sweeper's last count of this mailer's rows: health polls and metric exports never query the table. */
    @Override
    public OutboxSource source() {
        return new OutboxSource() {
            @Override
            public OutboxFigures figures() {
                return dispatcher.figures();
            }

            @Override
            public boolean dispatcherRunning() {
                return dispatcher.running();
            }
        };
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}

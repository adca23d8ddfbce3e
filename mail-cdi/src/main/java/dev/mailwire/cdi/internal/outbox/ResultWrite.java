package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.outbox.RecipientState;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the result of an attempt that went out: the mail is with the server, so failing to record that must not
 * turn into sending it again. A refused write is tried again with a bare payload (printable ASCII replies and error,
 * shortened: what a database refused was the text, not the states), then once more after a pause (a database
 * restarting). Only if all fail does the row keep its lease until it runs out, and the mail is sent again then.
 */
final class ResultWrite {

    static final int TRIES = 3;
    private static final long PAUSE_MS = 500;
    private static final int BARE_REPLY = 200;
    private static final int BARE_ERROR = 500;
    private static final Logger LOG = Logger.getLogger(ResultWrite.class.getName());

    /** The result of one attempt, as the table keeps it. */
    record Row(
            String id,
            OutboxEntry.State state,
            List<RecipientState> recipients,
            int attempts,
            Instant next,
            Instant completed,
            String error) {

        Row bare() {
            List<RecipientState> plain = recipients.stream()
                    .map(r -> new RecipientState(
                            r.address(), r.status(), r.code(), StoredText.ascii(r.reply(), BARE_REPLY)))
                    .toList();
            return new Row(
                    id,
                    state,
                    plain,
                    attempts,
                    next,
                    completed,
                    error == null ? null : StoredText.ascii(error, BARE_ERROR));
        }
    }

    private ResultWrite() {}

    /**
     * @return false when this node no longer holds the lease (nothing was written)
     * @throws SQLException the last failure, when every try failed
     */
    static boolean write(OutboxStore store, Row row) throws SQLException {
        SQLException failure = null;
        Row payload = row;
        for (int i = 0; i < TRIES; i++) {
            try {
                return store.finish(payload);
            } catch (SQLException e) {
                LOG.log(Level.FINE, "result of outbox entry " + row.id() + " not written, try " + (i + 1), e);
                failure = e;
                payload = row.bare();
                if (i > 0) {
                    pause();
                }
            }
        }
        throw failure;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

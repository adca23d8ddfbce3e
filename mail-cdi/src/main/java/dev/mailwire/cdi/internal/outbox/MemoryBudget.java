package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.MailerException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of committed mail the memory outbox may hold at once ({@code outbox.memory-limit}). Counting mails
 * alone (10,000) let a few large ones fill the heap. A mail is counted from {@code send}, inside its transaction, so
 * one that does not fit is refused there, where the caller can still roll back, rather than dropped after the
 * commit; it is given back when the mail is delivered, dead-lettered or rolled back.
 */
final class MemoryBudget {

    private final String mailer;
    private final String key;
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param key the full name of the {@code outbox.memory-limit} setting, for the error */
    MemoryBudget(String mailer, String key, long limit) {
        this.mailer = mailer;
        this.key = key;
        this.limit = limit;
    }

    /** Counts {@code bytes} in, or throws naming the setting when they do not fit. */
    void reserve(long bytes, String messageId) {
        long now = used.addAndGet(bytes);
        if (now > limit) {
            used.addAndGet(-bytes);
            throw new MailerException(
                    mailer, OutboxMessages.MEMORY_LIMIT.format(mailer, messageId, bytes, now - bytes, key, limit));
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}

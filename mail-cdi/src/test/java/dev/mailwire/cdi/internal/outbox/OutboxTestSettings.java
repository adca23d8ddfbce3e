package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import java.time.Duration;

/** Outbox settings for tests that only need an outbox on a given data source: short waits, one thread, 1 MiB. */
final class OutboxTestSettings {

    private OutboxTestSettings() {}

    static OutboxSettings of(String dataSource) {
        return of(dataSource, Duration.ofSeconds(1));
    }

    static OutboxSettings of(String dataSource, Duration initialBackoff) {
        return new OutboxSettings(
                "mailwire.mailer.",
                dataSource,
                OutboxAdmin.DEFAULT_TABLE,
                true,
                initialBackoff,
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                10,
                Duration.ofMinutes(1),
                Duration.ofDays(1),
                Duration.ofDays(30),
                Duration.ofSeconds(1),
                1,
                1 << 20);
    }
}

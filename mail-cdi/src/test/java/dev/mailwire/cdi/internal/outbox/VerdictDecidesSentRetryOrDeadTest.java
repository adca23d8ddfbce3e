package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.outbox.RecipientState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one rule both outboxes apply to an attempt's result: every recipient accepted it — sent; one refused it for
 * good and none is pending — dead; one still pending — tried again after a back-off, unless the mail has expired.
 */
class VerdictDecidesSentRetryOrDeadTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final RetryPolicy RETRIES =
            new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24));

    @Test
    void everyRecipientAcceptedIsSent() {
        Verdict v = verdict(List.of(state(RecipientState.Status.DELIVERED)), NOW.plusSeconds(60));
        assertThat(v.state()).isEqualTo(OutboxEntry.State.SENT);
        assertThat(v.delivered()).isTrue();
    }

    @Test
    void aRefusalWithNothingPendingIsDead() {
        Verdict v = verdict(
                List.of(state(RecipientState.Status.DELIVERED), state(RecipientState.Status.REJECTED)),
                NOW.plusSeconds(60));
        assertThat(v.state()).isEqualTo(OutboxEntry.State.DEAD);
        assertThat(v.delivered()).isFalse();
    }

    @Test
    void aPendingRecipientIsRetriedAfterABackOff() {
        Verdict v = verdict(
                List.of(state(RecipientState.Status.REJECTED), state(RecipientState.Status.PENDING)),
                NOW.plusSeconds(60));
        assertThat(v.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(v.isFinal()).isFalse();
        assertThat(v.next()).isBetween(NOW.plusSeconds(15), NOW.plusSeconds(30));
    }

    @Test
    void aPendingRecipientOfAnExpiredMailIsDead() {
        Verdict v = verdict(List.of(state(RecipientState.Status.PENDING)), NOW);
        assertThat(v.state()).isEqualTo(OutboxEntry.State.DEAD);
    }

    private static Verdict verdict(List<RecipientState> recipients, Instant expires) {
        return Verdict.of(new Attempt.Result(recipients, null), 1, NOW, expires, RETRIES);
    }

    private static RecipientState state(RecipientState.Status status) {
        return new RecipientState("r" + status.ordinal() + "@example.org", status, 0, "");
    }
}

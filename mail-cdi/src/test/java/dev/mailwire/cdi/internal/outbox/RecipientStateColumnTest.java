package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.RecipientResult;
import dev.mailwire.cdi.outbox.RecipientState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-recipient state survives the table's text column, whatever the server's reply text holds. */
class RecipientStateColumnTest {

    @Test
    void roundTripsEveryStateAndFlattensReplies() {
        List<RecipientState> states = List.of(
                new RecipientState("ada@example.org", RecipientState.Status.DELIVERED, 250, "2.0.0 Ok: queued"),
                new RecipientState("bob@example.org", RecipientState.Status.REJECTED, 550, "5.1.1 no\r\nsuch\tuser"),
                new RecipientState("cy@example.org", RecipientState.Status.PENDING, 450, "4.2.0 later"),
                RecipientState.pending("dee@example.org"));

        List<RecipientState> back = RecipientState.decode(RecipientState.encode(states));

        assertThat(back).hasSize(4);
        assertThat(back.get(0)).isEqualTo(states.get(0));
        assertThat(back.get(1).reply()).isEqualTo("5.1.1 no such user");
        assertThat(back.get(2)).isEqualTo(states.get(2));
        assertThat(back.get(3)).isEqualTo(states.get(3));
    }

    @Test
    void reportsPendingAsQueuedUntilTheServerAnswered() {
        assertThat(RecipientState.pending("a@example.org").toResult().status())
                .isEqualTo(RecipientResult.Status.QUEUED);
        assertThat(new RecipientState("a@example.org", RecipientState.Status.PENDING, 450, "later")
                        .toResult()
                        .status())
                .isEqualTo(RecipientResult.Status.DEFERRED);
    }
}

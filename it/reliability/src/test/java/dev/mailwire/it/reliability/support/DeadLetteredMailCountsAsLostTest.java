package dev.mailwire.it.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A committed mail that was dead-lettered never reached its recipient: the soak's books count it as lost (lost =
 * committed − delivered) and list it as dead-lettered besides, instead of counting the dead letter as accounted for.
 */
class DeadLetteredMailCountsAsLostTest {

    @Test
    void aDeadLetterIsNotADelivery() {
        // <b@x> was dead-lettered, <c@x> is still pending: neither arrived.
        long lost = MailAccount.lost(Set.of("<a@x>", "<b@x>", "<c@x>"), Set.of("<a@x>"));

        assertThat(lost).as("committed − delivered").isEqualTo(2);
    }
}

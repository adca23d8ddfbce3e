package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.MockMailbox;
import dev.mailwire.cdi.TestConfig;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * In mock mode a mail sent in a transaction is recorded into the {@link MockMailbox} when the transaction commits —
 * already when {@code commit()} returns, so tests can look at once — and never when it rolls back.
 */
class MockMailboxRecordsOnCommitTest {

    @Test
    void recordedAtCommitAndNeverOnRollback() throws Exception {
        Map<String, String> settings =
                Map.of("mailwire.mailer.mock", "true", "mailwire.mailer.from", "app@example.org");
        try (TestConfig config = TestConfig.use(settings);
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);
            MockMailbox mailbox = container.select(MockMailbox.class).get();

            SendResult held = Jta.inTransaction(() -> {
                SendResult r = mailer.send(mail("committed"));
                assertThat(mailbox.size()).isZero();
                return r;
            });
            assertThat(held.isDeferred()).isTrue();
            assertThat(mailbox.size()).isEqualTo(1);

            assertThatThrownBy(() -> Jta.inTransaction(() -> {
                        mailer.send(mail("rolled back"));
                        throw new IllegalStateException("rollback");
                    }))
                    .hasMessage("rollback");
            assertThat(mailbox.size()).isEqualTo(1);
            assertThat(TxContainers.outcomes(container).all())
                    .singleElement()
                    .satisfies(o -> assertThat(o.messageId()).isEqualTo(held.messageId()));
        }
    }

    private static Mail mail(String subject) {
        return Mail.builder().to("ada@example.org").subject(subject).text("t").build();
    }
}

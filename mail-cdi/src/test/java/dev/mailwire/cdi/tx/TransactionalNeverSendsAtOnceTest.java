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
 * {@code transactional=never} sends at once even inside a transaction (and a rollback does not take it back);
 * with {@code auto}, a send outside any transaction is sent at once too.
 */
class TransactionalNeverSendsAtOnceTest {

    @Test
    void neverIgnoresTheTransaction() throws Exception {
        try (TestConfig config = TestConfig.use(settings("never"));
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);
            MockMailbox mailbox = container.select(MockMailbox.class).get();
            assertThatThrownBy(() -> Jta.inTransaction(() -> {
                        SendResult r = mailer.send(mail());
                        assertThat(r.isDeferred()).isFalse();
                        assertThat(mailbox.size()).isEqualTo(1);
                        throw new IllegalStateException("rollback");
                    }))
                    .hasMessage("rollback");
            assertThat(mailbox.size()).isEqualTo(1);
        }
    }

    @Test
    void autoOutsideATransactionSendsAtOnce() throws Exception {
        try (TestConfig config = TestConfig.use(settings("auto"));
                WeldContainer container = TxContainers.boot()) {
            SendResult r = TxContainers.mailer(container).send(mail());
            assertThat(r.isDeferred()).isFalse();
            assertThat(r.allDelivered()).isTrue();
            assertThat(container.select(MockMailbox.class).get().size()).isEqualTo(1);
        }
    }

    private static Map<String, String> settings(String transactional) {
        return Map.of(
                "mailwire.mailer.mock", "true",
                "mailwire.mailer.from", "app@example.org",
                "mailwire.mailer.transactional", transactional);
    }

    private static Mail mail() {
        return Mail.builder().to("ada@example.org").subject("s").text("t").build();
    }
}

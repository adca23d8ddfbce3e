package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.BillingMailerClient;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code mock=true} over settings that name a reachable server, nothing goes on the wire (the server sees no
 * connection), and {@link MockMailbox} holds exactly what was sent, per mailer; invalid mail is refused as a real
 * send would refuse it, and not recorded.
 */
@Timeout(60)
class MockModeSendsNothingTest {

    @Test
    void mockMailersRecordWithoutConnecting() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            Map<String, String> config = new HashMap<>();
            config.putAll(FakeServerSettings.of("<default>", server));
            config.putAll(FakeServerSettings.of("billing", server));
            config.put("mailwire.mailer.mock", "true");
            config.put("mailwire.mailer.billing.mock", "true");
            config.put("mailwire.mailer.billing.from", "billing@example.org");
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class, BillingMailerClient.class)) {
                var mailer = container.select(DefaultMailerClient.class).get().mailer;
                var billing = container.select(BillingMailerClient.class).get().mailer;

                SendResult first = mailer.send(mail("ada@example.org", "one"));
                SendResult second = mailer.send(mail("bob@example.org", "two"));
                SendResult invoice = billing.send(mail("ada@example.org", "invoice"));
                assertThatThrownBy(() -> mailer.send(mail("ada@example.org", "bad\r\nBcc: eve@example.org")))
                        .isInstanceOf(InvalidMailException.class);

                assertThat(first.recipients())
                        .singleElement()
                        .extracting(RecipientResult::status, RecipientResult::code)
                        .containsExactly(RecipientResult.Status.DELIVERED, 250);
                MockMailbox mailbox = container.select(MockMailbox.class).get();
                assertThat(mailbox.sentBy("<default>"))
                        .extracting(MockMailbox.SentMail::messageId)
                        .containsExactly(first.messageId(), second.messageId());
                assertThat(mailbox.sentBy("billing"))
                        .singleElement()
                        .satisfies(m -> assertThat(m.messageId()).isEqualTo(invoice.messageId()))
                        .satisfies(m ->
                                assertThat(m.message().getFrom()[0].toString()).isEqualTo("billing@example.org"));
                assertThat(mailbox.messagesTo("ada@example.org"))
                        .extracting(m -> m.getSubject())
                        .containsExactly("one", "invoice");
                assertThat(mailbox.size()).isEqualTo(3);

                mailbox.clear();
                assertThat(mailbox.all()).isEmpty();
            }
            assertThat(server.connectionCount()).isZero();
        }
    }

    private static Mail mail(String to, String subject) {
        return Mail.builder().to(to).subject(subject).text("Hello").build();
    }
}

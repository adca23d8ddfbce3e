package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.RecipientResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Postfix with {@code smtputf8_enable = no} does not offer SMTPUTF8, so a mail to {@code jörg@example.test} is
 * refused with MWJCA-217 after the connection is taken and before MAIL FROM: sent now, it throws; through the
 * outbox, it is dead-lettered after one attempt and never retried. Postfix's own counters show that no MAIL FROM
 * was sent for it, while an ASCII mail on the same connection is delivered.
 */
@Timeout(90)
class NonAsciiLocalPartRefusedTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox(Map.of("smtputf8_enable", "no"));

    private static final String JOERG = "j\u00f6rg@example.test";

    @Test
    void refusedWhenTheServerDoesNotOfferSmtpUtf8() throws Exception {
        PrivatePostfix postfix = SERVERS.postfix();
        Map<String, String> settings = TxSettings.outbox(TxSettings.postfix(postfix));
        settings.put("mailwire.mailer.pool.max-size", "1");
        try (TestConfig config = TestConfig.use(settings);
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);

            InvalidMailException now = catchThrowableOfType(InvalidMailException.class, () -> mailer.send(mail(JOERG)));
            assertThat(now).isNotNull();
            assertThat(now.field()).isEqualTo("recipient");
            assertThat(now.getMessage()).contains("MWJCA-217", "SMTPUTF8", "nothing was sent");

            Jta.inTransaction(() -> mailer.send(mail(JOERG)));
            MailOutcome outcome = TxContainers.outcomes(container)
                    .await(1, Duration.ofSeconds(20))
                    .get(0);
            assertThat(outcome.outcome()).isEqualTo(MailOutcome.Outcome.DEAD_LETTERED);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.recipients())
                    .extracting(RecipientResult::status)
                    .containsExactly(RecipientResult.Status.REJECTED);
            assertThat(outcome.recipients().get(0).reply()).contains("MWJCA-217");

            mailer.send(mail(postfix.address("ada")));
            Thread.sleep(1000); // five poll intervals: a retry would be a second outcome
            assertThat(TxContainers.outcomes(container).all()).hasSize(1);
        }
        // The pool closed its connection: Postfix wrote the session's command counters.
        List<SmtpSession> sessions = postfix.log().awaitEnded(1, Duration.ofSeconds(10));
        assertThat(sessions.stream().mapToInt(s -> s.succeeded("mail")).sum()).isEqualTo(1);
        assertThat(sessions.stream().mapToInt(s -> s.succeeded("rcpt")).sum()).isEqualTo(1);
        assertThat(sessions.stream().mapToInt(SmtpSession::messages).sum()).isEqualTo(1);
        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(postfix.log().lines()).noneMatch(l -> l.contains("rg@example.test"));
    }

    private static Mail mail(String to) {
        return Mail.builder().to(to).subject("international").text("t").build();
    }
}

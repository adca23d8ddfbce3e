package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail to {@code jörg@example.test} sent in a transaction is stored by the H2 outbox as UTF-8 bytes, read back as
 * UTF-8 (not as Latin-1, which would make the recipient {@code jÃ¶rg}) and delivered with SMTPUTF8 by the real
 * Postfix: the envelope recipient in Postfix's log and the delivered copy's To are the UTF-8 address.
 */
@Timeout(90)
class NonAsciiLocalPartSurvivesTheOutboxTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    private static final String JOERG = "j\u00f6rg@example.test";

    @Test
    void deliveredFromTheOutbox() throws Exception {
        try (OutboxApplication app = OutboxApplication.start(SERVERS)) {
            Mailer mailer = app.mailer();
            Jta.inTransaction(() -> mailer.send(
                    Mail.builder().to(JOERG).subject("outbox").text("t").build()));

            MailOutcome outcome =
                    app.outcomes().await(1, Duration.ofSeconds(20)).get(0);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.recipients().get(0).address()).isEqualTo(JOERG);
            DeliveredMessage delivered =
                    SERVERS.postfix().awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.header("To")).contains(JOERG);
            assertThat(delivered.header("Received").orElseThrow()).contains("with UTF8SMTPSA");
            SERVERS.postfix().log().awaitLine("to=<" + JOERG + ">", Duration.ofSeconds(10));
        }
    }
}

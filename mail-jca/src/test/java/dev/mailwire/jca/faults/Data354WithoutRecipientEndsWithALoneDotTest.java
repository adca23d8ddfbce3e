package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailRejectedException;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 2920 §3.1: a server that refuses every pipelined RCPT yet answers the pipelined DATA with 354 is waiting for
 * content; the client ends it with a lone dot (an empty message to nobody), then RSET. Nothing of the mail is sent,
 * nothing is received, and the send reports every recipient refused.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Data354WithoutRecipientEndsWithALoneDotTest {

    @Test
    void loneDotThenRset() {
        Behaviour refuseAllThenGoAhead = new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String verb, String line) {
                return switch (verb) {
                    case "RCPT" -> Action.reply(550, "5.1.1 no such user");
                    case "DATA" -> Action.reply(354, "End data with <CR><LF>.<CR><LF>");
                    default -> Action.proceed();
                };
            }
        };
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(refuseAllThenGoAhead).start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("to nobody")))
                    .isInstanceOf(MailRejectedException.class)
                    .hasMessageContaining("550");

            assertThat(server.messages()).isEmpty();
            assertThat(server.transcript(0).commandsOverTls().stream()
                            .map(l -> l.split(" ")[0])
                            .toList())
                    .containsSubsequence("MAIL", "RCPT", "DATA", ".", "RSET");
            assertThat(server.transcript(0).clientLines())
                    .noneMatch(l -> l.text().startsWith("Subject:"));
        }
    }
}

package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: a final dot that went out with the next envelope gets no reply to it: the server closes the connection
 * once it has read the content, or sends a line that is no reply, or a 354. The held mail fails, never reported
 * delivered, with "may have been accepted" (the server has its content); the next mail, whose content never left,
 * is sent again on a fresh connection and delivered exactly once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeldDotWithoutReplyFailsItsMailAndRetriesTheNextTest {

    private static final String HELD = "held mail";
    private static final String NEXT = "next mail";

    static Stream<Arguments> servers() {
        return Stream.of(
                // The end of the stream is no reply (MWJCA-138, '[EOF]'); a reset read instead, the broken connection
                // (MWJCA-123). Which one the client sees depends on TCP, not on Mailwire.
                Arguments.of("closed after the content", Action.close(), "^(MWJCA-123 |MWJCA-138 .*'\\[EOF\\]')"),
                Arguments.of(
                        "a garbage line",
                        Action.raw("HTTP/1.1 400 Bad Request\r\n"),
                        "^MWJCA-138 .*'HTTP/1.1 400 Bad Request'"),
                Arguments.of(
                        "a 354", Action.reply(354, "End data with <CR><LF>.<CR><LF>"), "^MWJCA-138 .*'354 End data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void heldMailFailsNextIsDeliveredOnce(String name, Action atTheDot, String error) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(FinalDotOfOneMail.answered(HELD, atTheDot))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            CompletableFuture<SendResult> held;
            SendResult next;
            try (MailConnection c = mailer.connections.getConnection()) {
                MimeMessage first = FakeServerMailer.message(HELD);
                held = c.sendBeforeNext(first, FakeServerMailer.recipients(first));
                assertThat(held)
                        .as("the reply to its dot is read with the next mail's")
                        .isNotDone();

                next = c.send(FakeServerMailer.message(NEXT));
            }

            assertThat(held).isCompletedExceptionally();
            assertThat(held.handle((result, failure) -> failure).get())
                    .isInstanceOf(SmtpConnectionException.class)
                    .hasMessageFindingMatch(error)
                    .hasMessageContaining("may already have accepted the mail");
            assertThat(next.allDelivered()).as(next.toString()).isTrue();
            assertThat(server.messages().stream().filter(m -> m.text().contains(NEXT)))
                    .as("copies of the next mail")
                    .singleElement()
                    .satisfies(m -> assertThat(m.connection()).isEqualTo(1));
            assertThat(server.connectionCount()).isEqualTo(2);
        }
    }
}

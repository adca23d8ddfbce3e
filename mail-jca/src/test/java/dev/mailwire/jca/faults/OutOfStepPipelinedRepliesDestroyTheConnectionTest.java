package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpConnectionException;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, must-show 3: a server that advertises PIPELINING (the fake does) but whose replies do not line up with
 * the pipelined MAIL, RCPT and DATA (garbage, a 354 too early, too few replies before it closes) gets its connection
 * destroyed with MWJCA-134, never any content, and nothing is reported delivered.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutOfStepPipelinedRepliesDestroyTheConnectionTest {

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("garbage for RCPT", Faults.garbageReplyTo("RCPT"), "RCPT TO"),
                Arguments.of(
                        "354 for MAIL",
                        reply("MAIL", Action.reply(354, "End data with <CR><LF>.<CR><LF>")),
                        "MAIL FROM"),
                Arguments.of("no reply for DATA, then closed", Faults.dropAt("DATA"), "DATA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void connectionDestroyedNothingSent(String name, Behaviour behaviour, String command) {
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(behaviour).start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("out of step")))
                    .isInstanceOf(SmtpConnectionException.class)
                    .hasMessageContaining("MWJCA-134")
                    .hasMessageContaining("advertised PIPELINING")
                    .hasMessageContaining(command);

            assertThat(server.messages()).isEmpty();
            // A fresh connection's failure is not retried (only a reused one's may be): one connection, destroyed.
            assertThat(server.connectionCount()).isEqualTo(1);
            server.awaitNoOpenConnections(Duration.ofSeconds(5));
            assertThat(server.transcripts())
                    .allSatisfy(t ->
                            assertThat(t.clientLines()).noneMatch(l -> l.text().startsWith("Subject:")));
        }
    }

    private static Behaviour reply(String verb, Action action) {
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String v, String line) {
                return v.equals(verb) ? action : Action.proceed();
            }
        };
    }
}

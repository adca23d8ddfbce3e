package dev.mailwire.it.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.InvalidMailException;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.WireAudit;
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The body corpus ({@link BodyCorpus}) in every kind of part, through the three entry paths ({@code Mail} builder,
 * {@code Mailer.send(MimeMessage)}, bare JCA connection): each mail arrives as exactly one message, its DATA with
 * only CRLF line endings, its lone dots stuffed and no line over 998 octets, so the server never sees a smuggled
 * command or a second message. Exactly the {@code MimeMessage}s that declare 8bit for a line over 998 octets are
 * refused; the builder picks an encoding that wraps the line, so it refuses nothing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileBodiesCrossTheWireCanonicalTest {

    private static final EntryPath[] PATHS = {EntryPath.BUILDER, EntryPath.MIME_MESSAGE, EntryPath.BARE_JCA};

    @Test
    void everyBodyArrivesAsOneCanonicalMessage() throws Exception {
        Section report = Report.section("6b-bodies", "Hostile input: bodies and attachments");
        CredentialAudit audit = CredentialAudit.begin();
        List<BodyCorpus.Case> corpus = BodyCorpus.cases();
        List<String> split = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> wronglyRefused = new ArrayList<>();
        List<String> longLinesSent = new ArrayList<>();
        int expectedRefusals = 0;
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            try (App app = App.start(MailerSettings.fake(server), null);
                    BareConnection bare = new BareConnection("bare", server)) {
                for (EntryPath path : PATHS) {
                    for (BodyCorpus.Case c : corpus) {
                        boolean refuse = path != EntryPath.BUILDER && c.longLine();
                        expectedRefusals += refuse ? 1 : 0;
                        int before = server.messages().size();
                        try {
                            switch (path) {
                                case BUILDER -> app.mailer().send(c.mail());
                                case MIME_MESSAGE ->
                                    app.mailer().send(c.message().build());
                                default -> bare.send(c.message().build());
                            }
                            if (refuse) {
                                longLinesSent.add(path + ": " + c);
                            }
                        } catch (InvalidMailException e) {
                            audit.exception(e);
                            refused.add(path + ": " + c);
                            if (!refuse) {
                                wronglyRefused.add(path + ": " + c + ": " + e.getMessage());
                            }
                        }
                        int arrived = server.messages().size() - before;
                        if (arrived > 1) {
                            split.add(path + ": " + c + ": " + arrived + " messages");
                        }
                    }
                }
                audit.health(app.monitor().stats());
            }
            WireAudit wire = WireAudit.of(server);
            long overlong = server.messages().stream()
                    .filter(HostileBodiesCrossTheWireCanonicalTest::hasLongLine)
                    .count();
            int attempts = corpus.size() * PATHS.length;

            // Assertions first: the report shows only what passed them.
            assertThat(split).isEmpty();
            assertThat(wronglyRefused).as("refused, though harmless").isEmpty();
            assertThat(longLinesSent).as("8bit lines over 998 octets sent").isEmpty();
            assertThat(refused).hasSize(expectedRefusals);
            assertThat(wire.messages()).as("one message per mail sent").isEqualTo(attempts - refused.size());
            assertThat(overlong).as("messages with a line over 998 octets").isZero();
            assertThat(wire.clean()).as("wire " + wire).isTrue();
            assertThat(audit.leaks()).isEmpty();

            report.measured(
                            "hostile mails",
                            attempts,
                            "the input, not a measurement: " + corpus.size()
                                    + " cases: 13 contents (bare CR, bare LF, lone dots, 6 smuggling end-of-data"
                                    + " sequences each followed by a whole SMTP transaction for evil.test, a line of 1,200"
                                    + " octets of 8-bit text) × 5 parts (text, HTML, text attachment, binary attachment,"
                                    + " inline part), through " + PATHS.length + " entry paths (`" + PATHS[0] + "`, `"
                                    + PATHS[1] + "`, `" + PATHS[2] + "`)")
                    .exactly(
                            "delivered as one message",
                            wire.messages(),
                            attempts - refused.size(),
                            "one message the fake server read to the final dot per mail not refused")
                    .exactly(
                            "refused",
                            refused.size(),
                            expectedRefusals,
                            "exactly the " + expectedRefusals + " `MimeMessage`s that declare 8bit for the"
                                    + " long line (`InvalidMailException` before anything was sent); the builder"
                                    + " sends it quoted-printable or base64")
                    .zero("split into more than one message", split.size(), "messages per send")
                    .zero("lines over 998 octets on the wire", overlong, "received messages, line by line")
                    .zero("bare CR or LF on the wire", wire.bareLineEndings(), "DATA as received, before unstuffing")
                    .zero("smuggled or injected command lines", wire.injectedLines(), "fake server transcripts")
                    .zero("envelopes sent lock-step", wire.lockStepEnvelopes(), wire.pipeliningEvidence())
                    .count(Matrix.BARE_LINE_ENDINGS, wire.bareLineEndings())
                    .count(Matrix.INJECTED_LINES, wire.injectedLines() + wire.injectedHeaders() + split.size())
                    .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls());
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }

    /** Whether a line of the message as received (CRLF-separated octets) is longer than 998 octets. */
    private static boolean hasLongLine(ReceivedMessage m) {
        byte[] content = m.content();
        int line = 0;
        for (byte b : content) {
            if (b == '\r' || b == '\n') {
                line = 0;
            } else if (++line > BodyCorpus.MAX_LINE) {
                return true;
            }
        }
        return false;
    }
}

package dev.mailwire.it.reliability.input;

import dev.mailwire.InvalidMailException;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.WireAudit;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The body corpus ({@link BodyCorpus}) in every kind of part: each mail arrives as exactly one message, its DATA
 * with only CRLF line endings and its lone dots stuffed, so the server never sees a smuggled command or a second
 * message; or it is refused before anything is sent.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HostileBodiesCrossTheWireCanonicalTest {

    @Test
    void everyBodyArrivesAsOneCanonicalMessage() throws Exception {
        Section report = Report.section("6b-bodies", "Hostile input: bodies and attachments");
        CredentialAudit audit = CredentialAudit.begin();
        List<BodyCorpus.Case> corpus = BodyCorpus.cases();
        List<String> split = new ArrayList<>();
        int refused = 0;
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            try (App app = App.start(MailerSettings.fake(server), null)) {
                for (BodyCorpus.Case c : corpus) {
                    int before = server.messages().size();
                    boolean refusedHere = false;
                    try {
                        app.mailer().send(c.mail());
                    } catch (InvalidMailException e) {
                        audit.exception(e);
                        refused++;
                        refusedHere = true;
                    }
                    int arrived = server.messages().size() - before;
                    if (arrived != (refusedHere ? 0 : 1)) {
                        split.add(c + ": " + arrived + " messages, " + (refusedHere ? "refused" : "accepted"));
                    }
                }
                audit.health(app.monitor().stats());
            }
            WireAudit wire = WireAudit.of(server);

            report.measured(
                            "hostile mails",
                            corpus.size(),
                            "12 contents (bare CR, bare LF, lone dots, 6 smuggling end-of-"
                                    + "data sequences each followed by a whole SMTP transaction for evil.test) × 5 parts (text, "
                                    + "HTML, text attachment, binary attachment, inline part)")
                    .measured(
                            "delivered as one message",
                            wire.messages(),
                            "messages the fake server read to the final dot")
                    .measured("refused", refused, "`InvalidMailException` before anything was sent")
                    .zero(
                            "entries not arriving as exactly one message (none if refused)",
                            split.size(),
                            "messages per send, per corpus entry"
                                    + (split.isEmpty() ? "" : ": " + String.join("; ", split)))
                    .zero("bare CR or LF on the wire", wire.bareLineEndings(), "DATA as received, before unstuffing")
                    .zero(
                            "smuggled or injected command or header lines",
                            wire.injectedLines() + wire.injectedHeaders(),
                            "fake server transcripts and received messages")
                    .count(Matrix.BARE_LINE_ENDINGS, wire.bareLineEndings())
                    .count(Matrix.INJECTED_LINES, wire.injectedLines() + wire.injectedHeaders() + split.size())
                    .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls());
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }
}

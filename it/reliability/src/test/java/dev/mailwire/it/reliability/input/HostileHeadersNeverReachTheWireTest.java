package dev.mailwire.it.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.InvalidMailException;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.Databases;
import dev.mailwire.it.reliability.support.Jta;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.OutboxLedger;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.WireAudit;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The header corpus ({@link HeaderCorpus}) through {@code @Inject Mailer}, at once and inside a transaction with a
 * PostgreSQL outbox: each hostile mail is refused with {@link InvalidMailException} before anything is sent or
 * enqueued, or, where the input is harmless once encoded, it arrives with no injected header or command line and no
 * control character in its header block.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileHeadersNeverReachTheWireTest {

    @Test
    void noInjectedLineReachesTheWire() throws Exception {
        Section report = Report.section("6a-headers", "Hostile input: header fields and addresses");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_headers");
        List<HeaderCorpus.Case> corpus = HeaderCorpus.cases();
        int refused = 0, sent = 0;
        List<String> slipped = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                AgroalDataSource db = Databases.postgres()) {
            try (App app = App.start(MailerSettings.fake(server).outbox(table), db)) {
                // At once first: nothing else talks to the server, so a MAIL FROM count tells what a refusal let out.
                for (HeaderCorpus.Case c : corpus) {
                    int mailFrom = server.commandCount("MAIL");
                    int messages = server.messages().size();
                    if (refused(() -> app.mailer().send(c.mail()), c, audit)) {
                        refused++;
                        if (server.commandCount("MAIL") != mailFrom) {
                            slipped.add(c + ": refused after MAIL FROM");
                        }
                    } else {
                        accepted.add(c.toString());
                        if (server.messages().size() != messages + 1) {
                            slipped.add(
                                    c + ": accepted, yet " + (server.messages().size() - messages) + " messages");
                        }
                    }
                }
                // Then inside transactions: a refusal must leave no outbox row behind.
                for (HeaderCorpus.Case c : corpus) {
                    int rows = OutboxLedger.read(db, table).committed();
                    boolean refusedHere =
                            refused(() -> Jta.inTransaction(() -> app.mailer().send(c.mail())), c, audit);
                    if (refusedHere == accepted.contains(c.toString())) {
                        slipped.add(c + ": refused on one path only");
                    }
                    if (refusedHere) {
                        refused++;
                        if (OutboxLedger.read(db, table).committed() != rows) {
                            slipped.add(c + ": refused, yet enqueued");
                        }
                    } else {
                        sent++;
                    }
                }
                sent += accepted.size();
                OutboxLedger ledger = OutboxLedger.awaitSettled(db, table, Duration.ofSeconds(30));
                assertThat(ledger.count("PENDING")).isZero();
            } finally {
                Databases.drop(db, table);
            }
            WireAudit wire = WireAudit.of(server);
            long controls = server.messages().stream()
                    .filter(HostileHeadersNeverReachTheWireTest::controlInHeaders)
                    .count();

            report.measured(
                            "hostile mails",
                            corpus.size() + " × 2 paths = " + 2 * corpus.size(),
                            "15 fields and address "
                                    + "forms × 11 separators (CR LF, LF, CR, folding, NUL, BEL, ESC, DEL, NEL, U+2028, the "
                                    + "CVE-2025-7962 pair), each followed by `" + HeaderCorpus.PAYLOAD
                                    + "`; sent at once and "
                                    + "inside a JTA transaction (PostgreSQL outbox)")
                    .measured(
                            "refused before anything was sent or enqueued",
                            refused,
                            "`InvalidMailException` (or the "
                                    + "`Mail` builder refused it), with no MAIL FROM on the wire for it")
                    .measured(
                            "sent, harmless once encoded",
                            sent,
                            "then audited on the wire: " + String.join("; ", accepted))
                    .zero(
                            "injected header or command lines",
                            wire.injectedLines() + wire.injectedHeaders(),
                            "fake server transcripts and received messages: lines outside Mailwire's command grammar "
                                    + "or naming evil.test; `X-Injected:` or `Bcc:` header lines")
                    .zero("control characters in a received header block", controls, "C0, DEL, C1 except TAB")
                    .zero("messages with a bare CR or LF", wire.bareLineEndings(), "DATA as received")
                    .zero(
                            "entries with the wrong outcome on a path",
                            slipped.size(),
                            "per corpus entry: refused with no MAIL FROM (at once) and no outbox row (in a "
                                    + "transaction), or accepted as exactly one message; the same outcome on both paths"
                                    + (slipped.isEmpty() ? "" : ": " + String.join("; ", slipped)))
                    .count(
                            Matrix.INJECTED_LINES,
                            wire.injectedLines() + wire.injectedHeaders() + controls + slipped.size())
                    .count(Matrix.BARE_LINE_ENDINGS, wire.bareLineEndings())
                    .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls());
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }

    /** Whether {@code send} refused the mail as invalid; any other outcome is a send. */
    private static boolean refused(Callable<?> send, HeaderCorpus.Case c, CredentialAudit audit) throws Exception {
        if (c.mail() == null) {
            return true;
        }
        try {
            send.call();
            return false;
        } catch (InvalidMailException e) {
            audit.exception(e);
            return true;
        }
    }

    private static boolean controlInHeaders(ReceivedMessage m) {
        String text = m.text();
        int end = text.indexOf("\r\n\r\n");
        String headers = (end < 0 ? text : text.substring(0, end)).replace("\r\n", "");
        return headers.chars().anyMatch(c -> c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)));
    }
}

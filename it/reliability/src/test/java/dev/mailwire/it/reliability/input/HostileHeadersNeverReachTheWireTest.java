package dev.mailwire.it.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
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
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import io.agroal.api.AgroalDataSource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The header corpus ({@link HeaderCorpus}) through every entry path ({@link EntryPath}): the {@code Mail} builder and
 * {@code Mailer.send(MimeMessage)}, at once and inside a transaction with a PostgreSQL outbox, and the bare JCA
 * connection. Each hostile mail is refused with {@link InvalidMailException} before anything is sent or enqueued,
 * or, where the input is harmless once encoded, it arrives with no injected header or command line and no control
 * character in its header block. Line breaks and NUL are refused on every path, and so are bidi controls in names.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileHeadersNeverReachTheWireTest {

    /** Separators that can only be an attack in any field: refused on every path, never encoded and sent. */
    private static final Set<String> ALWAYS_REFUSED = Set.of("CR LF", "bare LF", "bare CR", "NUL");

    /** Fields where a bidi control disguises a name: refused too. */
    private static final Set<String> NAMES =
            Set.of("display name", "attachment name", "RFC 2231 file name", "RFC 2047 file name");

    private enum Outcome {
        REFUSED,
        SENT,
        NOT_EXPRESSIBLE
    }

    private final List<String> slipped = new ArrayList<>();

    @Test
    void noInjectedLineReachesTheWire() throws Exception {
        Section report = Report.section("6a-headers", "Hostile input: header fields and addresses");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_headers");
        List<HeaderCorpus.Case> corpus = HeaderCorpus.cases();
        Map<EntryPath, int[]> tally = new EnumMap<>(EntryPath.class); // refused, sent
        List<String> mustRefuseButSent = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int sent = 0, mustRefuse = 0;
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                AgroalDataSource db = Databases.postgres()) {
            try (App app = App.start(MailerSettings.fake(server).outbox(table), db);
                    BareConnection bare = new BareConnection("bare", server)) {
                for (EntryPath path : EntryPath.values()) {
                    if (!path.transactional()) {
                        // A path that sends at once is judged by the server's MAIL count: the dispatcher must not
                        // still be delivering what the transactional path before it committed.
                        OutboxLedger.awaitSettled(db, table, Duration.ofSeconds(60));
                    }
                    int[] counts = tally.computeIfAbsent(path, p -> new int[2]);
                    for (HeaderCorpus.Case c : corpus) {
                        Outcome outcome = send(path, c, app, bare, server, db, table, audit);
                        if (outcome == Outcome.NOT_EXPRESSIBLE) {
                            continue;
                        }
                        boolean refuse = mustRefuse(c);
                        mustRefuse += refuse ? 1 : 0;
                        if (outcome == Outcome.REFUSED) {
                            counts[0]++;
                        } else {
                            counts[1]++;
                            sent++;
                            accepted.add(path + ": " + c);
                            if (refuse) {
                                mustRefuseButSent.add(path + ": " + c);
                            }
                        }
                    }
                }
                OutboxLedger ledger = OutboxLedger.awaitSettled(db, table, Duration.ofSeconds(60));
                assertThat(ledger.count("PENDING"))
                        .as("outbox rows still pending")
                        .isZero();
                assertThat(ledger.count("SENT")).as("outbox rows sent").isEqualTo(ledger.committed());
            } finally {
                Databases.drop(db, table);
            }
            WireAudit wire = WireAudit.of(server);
            long controls = server.messages().stream()
                    .filter(HostileHeadersNeverReachTheWireTest::controlInHeaders)
                    .count();
            int attempts = tally.values().stream().mapToInt(t -> t[0] + t[1]).sum();

            // Assertions first: the report shows only what passed them.
            assertThat(wire.clean()).as("wire " + wire).isTrue();
            assertThat(wire.bareLineEndings()).isZero();
            assertThat(controls)
                    .as("messages with control characters in headers")
                    .isZero();
            assertThat(slipped).as("refused only after MAIL FROM or enqueuing").isEmpty();
            assertThat(mustRefuseButSent)
                    .as("line breaks, NUL or bidi names sent")
                    .isEmpty();
            assertThat(wire.messages())
                    .as("messages on the wire = mails accepted")
                    .isEqualTo(sent);
            assertThat(tally.keySet()).containsExactly(EntryPath.values());
            assertThat(audit.leaks()).isEmpty();

            report.measured(
                            "hostile mails",
                            attempts,
                            "the input, not a measurement: " + corpus.size() + " cases ("
                                    + HeaderCorpus.SEPARATORS.length + " separators, including"
                                    + " the bidi controls RLO and RLI, × "
                                    + corpus.size() / HeaderCorpus.SEPARATORS.length
                                    + " fields: subject, custom header name and value,"
                                    + " addresses, display, group and file names, attachment type, content-id, message-id,"
                                    + " content types given to setContent and carried by a DataSource, RFC 2231 and RFC 2047"
                                    + " encoded file names), each followed by `" + HeaderCorpus.PAYLOAD + "`, through "
                                    + EntryPath.values().length + " entry paths (" + paths()
                                    + "); the builder cannot express"
                                    + " an RFC 2231 parameter itself")
                    .measured(
                            "refused before anything was sent or enqueued",
                            attempts - sent,
                            "`InvalidMailException` (or the builder or Angus's setter refused it); by path: "
                                    + byPath(tally))
                    .exactly(
                            "line-break, NUL and bidi-name cases refused on every path",
                            mustRefuse - mustRefuseButSent.size(),
                            mustRefuse,
                            "CR LF, LF, CR and NUL in every field, RLO and RLI in display and file names")
                    .exactly(
                            "sent, harmless once encoded",
                            sent,
                            wire.messages(),
                            "the messages the server received; audited on the wire: " + String.join("; ", accepted))
                    .zero(
                            "injected header or command lines",
                            wire.injectedLines() + wire.injectedHeaders(),
                            "fake server transcripts and received messages: lines outside Mailwire's command"
                                    + " grammar or naming evil.test; `X-Injected:` or `Bcc:` header lines")
                    .zero("control characters in a received header block", controls, "C0, DEL, C1 except TAB")
                    .zero("envelopes sent lock-step", wire.lockStepEnvelopes(), wire.pipeliningEvidence())
                    .zero(
                            "refused only after MAIL FROM or enqueuing",
                            slipped.size(),
                            "MAIL FROM count (at once) or outbox rows (in a transaction) before and after")
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

    private static boolean mustRefuse(HeaderCorpus.Case c) {
        return ALWAYS_REFUSED.contains(c.separator()) || (c.separator().startsWith("RL") && NAMES.contains(c.field()));
    }

    private Outcome send(
            EntryPath path,
            HeaderCorpus.Case c,
            App app,
            BareConnection bare,
            FakeSmtpServer server,
            AgroalDataSource db,
            String table,
            CredentialAudit audit)
            throws Exception {
        Callable<?> send;
        if (path.builder()) {
            if (c.mail() == null) {
                return Outcome.NOT_EXPRESSIBLE;
            }
            Mail mail;
            try {
                mail = c.mail()
                        .apply(Mail.builder()
                                .to("ada@example.test")
                                .subject("s")
                                .text("t"))
                        .build();
            } catch (RuntimeException refusedByTheBuilder) {
                return Outcome.REFUSED; // as good as refused by send: nothing exists to send
            }
            send = () -> app.mailer().send(mail);
        } else {
            MimeMessage message;
            try {
                message = HeaderCorpus.message(c.message());
            } catch (Exception refusedByAngus) {
                return Outcome.REFUSED; // Angus's setter refused the value: nothing exists to send
            }
            send = path == EntryPath.BARE_JCA
                    ? () -> {
                        bare.send(message);
                        return null;
                    }
                    : () -> app.mailer().send(message);
        }
        int mailFrom = server.commandCount("MAIL");
        int rows = path.transactional() ? OutboxLedger.read(db, table).committed() : 0;
        try {
            if (path.transactional()) {
                Jta.inTransaction(send);
            } else {
                send.call();
            }
            return Outcome.SENT;
        } catch (InvalidMailException e) {
            audit.exception(e);
            if (e.getMessage().contains("\r") || e.getMessage().contains("\n")) {
                slipped.add(path + ": " + c + ": a line break in the error text");
            }
            if (path.transactional() && OutboxLedger.read(db, table).committed() != rows) {
                slipped.add(path + ": " + c + ": refused, yet enqueued");
            }
            if (!path.transactional() && server.commandCount("MAIL") != mailFrom) {
                slipped.add(path + ": " + c + ": refused after MAIL FROM");
            }
            return Outcome.REFUSED;
        }
    }

    private static String paths() {
        List<String> names = new ArrayList<>();
        for (EntryPath p : EntryPath.values()) {
            names.add("`" + p + "`");
        }
        return String.join(", ", names);
    }

    private static String byPath(Map<EntryPath, int[]> tally) {
        List<String> parts = new ArrayList<>();
        tally.forEach((path, t) -> parts.add(path + " " + t[0] + " refused, " + t[1] + " sent"));
        return String.join("; ", parts);
    }

    private static boolean controlInHeaders(ReceivedMessage m) {
        String text = m.text();
        int end = text.indexOf("\r\n\r\n");
        String headers = (end < 0 ? text : text.substring(0, end)).replace("\r\n", "");
        return headers.chars().anyMatch(c -> c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f)));
    }
}

package dev.mailwire.it.reliability.hostile;

import dev.mailwire.Mail;
import dev.mailwire.SmtpTlsException;
import dev.mailwire.cdi.stats.ErrorKind;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.TimedCalls;
import dev.mailwire.it.reliability.support.WireAudit;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every TLS attack and misconfiguration, under concurrent sends and a health probe: where TLS cannot be had, every
 * send fails with {@link SmtpTlsException} and the server hears no AUTH and no mail (fail closed); where the attack
 * only tries to trick the client, the mail goes over TLS and nothing is sent in plaintext but EHLO and STARTTLS.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TlsAttacksFailClosedTest {

    private static final Section REPORT = Report.section("5a-tls", "Hostile network");
    private static final AtomicInteger FILED = new AtomicInteger();

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsAttack.class)
    void nothingCrossesWithoutTls(TlsAttack attack) throws Exception {
        CredentialAudit audit = CredentialAudit.begin();
        try (FakeSmtpServer server =
                attack.server.apply(FakeSmtpServer.builder()).start()) {
            TimedCalls calls;
            Evidence probe;
            try (App app = App.start(MailerSettings.fake(server), null)) {
                Mail mail = Mail.builder()
                        .to("ada@example.test")
                        .subject(attack.name())
                        .text("t")
                        .build();
                calls = TimedCalls.run(4, 2, () -> app.mailer().send(mail));
                probe = app.monitor().probe();
                audit.health(probe);
                audit.health(app.monitor().stats());
            }
            calls.failures().forEach(audit::exception);
            WireAudit wire = WireAudit.of(server);
            long plaintext = server.transcripts().stream()
                    .flatMap(t -> t.commandsBeforeTls().stream())
                    .map(c -> c.toUpperCase(Locale.ROOT))
                    .filter(c -> !c.startsWith("EHLO") && !c.startsWith("STARTTLS") && !c.startsWith("QUIT"))
                    .count();
            boolean eachFailedClosed = calls.failures().stream().allMatch(SmtpTlsException.class::isInstance);
            int sent = calls.durations().size() - calls.failures().size();
            boolean closed = eachFailedClosed
                    && sent == 0
                    && server.messages().isEmpty()
                    && server.transcripts().stream()
                            .allMatch(t -> t.authIdentities().isEmpty());
            // Each send either refused (TLS could not be had) or went over TLS: nothing in between.
            boolean eachSafe = eachFailedClosed
                    && server.messages().size() == sent
                    && server.messages().stream().allMatch(ReceivedMessage::overTls);
            boolean safe = switch (attack.expect) {
                case FAIL_CLOSED -> closed && !probe.ok() && probe.error() == ErrorKind.TLS;
                case SEND_OVER_TLS -> sent == calls.durations().size() && eachSafe;
                case EITHER -> eachSafe;
            };

            String name = attack.description + ": ";
            REPORT.asserted(
                            name + "outcome",
                            (calls.durations().size() - sent) + " failed closed, " + sent + " sent over TLS",
                            safe,
                            switch (attack.expect) {
                                case FAIL_CLOSED -> "all failed closed, probe reports TLS";
                                case SEND_OVER_TLS -> "all sent over TLS";
                                case EITHER -> "each failed closed or sent over TLS";
                            },
                            "4 threads × 2 sends and a health probe; the fake server's transcripts and messages")
                    .zero(
                            name + "plaintext commands besides EHLO/STARTTLS, AUTH before TLS, injected lines",
                            plaintext
                                    + wire.authBeforeTls()
                                    + wire.injectedLines()
                                    + wire.injectedHeaders()
                                    + wire.bareLineEndings(),
                            "the fake server's transcripts")
                    .count(Matrix.TLS_ACCEPTED, safe ? 0 : 1)
                    .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls())
                    .count(Matrix.INJECTED_LINES, wire.injectedLines() + wire.injectedHeaders() + plaintext)
                    .count(Matrix.BARE_LINE_ENDINGS, wire.bareLineEndings());
            audit.report(REPORT, name);
            FILED.incrementAndGet();
            Report.write(REPORT);
            if (!safe) {
                // What the failure needs to be understood, in the test's output file.
                System.out.println(attack + " not safe: " + calls.failures() + "\n" + server.transcripts());
            }
            REPORT.verify();
        }
    }

    @AfterAll
    static void report() {
        REPORT.note("Fail closed means: every send and the health probe end in `SmtpTlsException`, and the server "
                + "receives no AUTH, no MAIL FROM and no message on any connection.");
        REPORT.exactly(
                "attacks that filed their figures",
                FILED.get(),
                TlsAttack.values().length,
                "an attack whose run ended early (an exception) is missing from the rows above");
        Report.write(REPORT);
        REPORT.verify();
    }
}

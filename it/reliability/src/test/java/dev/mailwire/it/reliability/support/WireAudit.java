package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.Transcript;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a fake server heard, checked line by line: AUTH sent before TLS, client lines that are not a command Mailwire
 * sends (or that carry the suite's attack marker, {@value #MARKER}), header lines the suite's attacks try to inject
 * ({@code X-Injected:}, {@code Bcc:}), and messages with a bare CR or LF.
 *
 * @param connections connections audited
 * @param authBeforeTls AUTH commands sent in plaintext
 * @param injectedLines client lines outside Mailwire's command grammar, or naming the attack domain
 * @param injectedHeaders header lines an attack planted in a received message
 * @param bareLineEndings received messages with a CR or LF not part of a CRLF
 * @param messages messages received
 * @param envelopes MAIL FROM commands heard
 * @param pipelinedEnvelopes of those, the ones that arrived with their RCPT TOs and DATA behind them (RFC 2920)
 */
public record WireAudit(
        int connections,
        int authBeforeTls,
        int injectedLines,
        int injectedHeaders,
        int bareLineEndings,
        int messages,
        int envelopes,
        int pipelinedEnvelopes) {

    /** Every attack in the suite aims at this domain: it must never appear in a command on the wire. */
    public static final String MARKER = "evil.test";

    private static final List<Pattern> GRAMMAR = patterns(
            "(EHLO|HELO) [^ ]+",
            "STARTTLS",
            "AUTH (PLAIN|LOGIN|XOAUTH2)( [A-Za-z0-9+/=]+)?",
            "[A-Za-z0-9+/]+=*|\\*", // an AUTH continuation
            "MAIL FROM:<[^<> ]*>( (SIZE|BODY|AUTH|RET|ENVID)=[^ ]+| SMTPUTF8)*",
            "RCPT TO:<[^<> ]+>( (NOTIFY|ORCPT)=[^ ]+)*",
            "DATA|RSET|NOOP|QUIT",
            "<[0-9]+ bytes of message data(, cut off)?>");
    private static final Pattern INJECTED_HEADER = Pattern.compile("(?im)^(X-Injected|Bcc):");

    public static WireAudit of(FakeSmtpServer server) {
        int auth = 0, lines = 0, envelopes = 0, pipelined = 0;
        for (Transcript t : server.transcripts()) {
            envelopes += t.envelopes();
            pipelined += t.pipelinedEnvelopes();
            auth += (int) t.commandsBeforeTls().stream()
                    .filter(c -> c.toUpperCase(Locale.ROOT).startsWith("AUTH"))
                    .count();
            lines += (int) t.commands().stream().filter(WireAudit::injected).count();
        }
        int headers = 0, bare = 0;
        for (ReceivedMessage m : server.messages()) {
            headers += (int) INJECTED_HEADER.matcher(m.text()).results().count();
            bare += m.bareLineEndings() ? 1 : 0;
        }
        return new WireAudit(
                server.connectionCount(),
                auth,
                lines,
                headers,
                bare,
                server.messages().size(),
                envelopes,
                pipelined);
    }

    /**
     * Envelopes sent in lock-step although every fake server of the suite offers PIPELINING and Mailwire pipelines by
     * default: issue 12 asks that the fault suite run with pipelining on, and this shows that it did.
     */
    public int lockStepEnvelopes() {
        return envelopes - pipelinedEnvelopes;
    }

    /** How the report says where {@link #lockStepEnvelopes()} comes from. */
    public String pipeliningEvidence() {
        return "of " + envelopes + " MAIL FROM on the fake server, those not followed in the same write by their RCPT"
                + " TOs and DATA (the server offers PIPELINING; `pipelining` is left at its default, on)";
    }

    public boolean clean() {
        return authBeforeTls == 0 && injectedLines == 0 && injectedHeaders == 0 && bareLineEndings == 0;
    }

    private static boolean injected(String line) {
        if (line.toLowerCase(Locale.ROOT).contains(MARKER)) {
            return true;
        }
        return GRAMMAR.stream().noneMatch(p -> p.matcher(line).matches());
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE))
                .toList();
    }
}

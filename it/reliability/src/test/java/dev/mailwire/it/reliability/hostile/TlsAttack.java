package dev.mailwire.it.reliability.hostile;

import dev.mailwire.SmtpTlsException;
import dev.mailwire.test.smtp.fake.FakeSmtpServerBuilder;
import dev.mailwire.test.smtp.fake.Faults;
import dev.mailwire.test.smtp.tls.TestCertificates;
import java.util.function.UnaryOperator;

/**
 * A hostile network or a misconfigured server, and what Mailwire must do: refuse to go on (fail closed, before any
 * AUTH or mail) or, where the attack only tries to trick the client, go on over TLS as if it were not there.
 */
enum TlsAttack {
    STARTTLS_STRIPPED(
            "STARTTLS stripped from the EHLO reply", b -> b.behaviour(Faults.stripStartTls()), Expect.FAIL_CLOSED),
    FORGED_AUTH_BEFORE_TLS(
            "AUTH PLAIN forged into the plaintext EHLO reply",
            b -> b.behaviour(Faults.extraCapability("AUTH PLAIN LOGIN")),
            Expect.SEND_OVER_TLS),
    INJECTED_BEFORE_HANDSHAKE(
            "forged replies injected after STARTTLS's 220, before the handshake (CVE-2011-0411 class)",
            b -> b.behaviour(Faults.injectAfterStartTls("250-forged.evil.test\r\n250 AUTH PLAIN\r\n")),
            Expect.EITHER),
    CERTIFICATE_FOR_OTHER_HOST(
            "a trusted certificate for another host",
            b -> b.certificates(TestCertificates.otherHost()),
            Expect.FAIL_CLOSED),
    TLS_1_1_ONLY("a server offering only TLS 1.1", b -> b.tlsProtocols("TLSv1.1"), Expect.FAIL_CLOSED),
    AUTH_BEFORE_STARTTLS(
            "a server that offers no STARTTLS and demands AUTH in plaintext",
            b -> b.authBeforeTls(true).behaviour(Faults.demandAuthBeforeStartTls()),
            Expect.FAIL_CLOSED);

    /** What Mailwire must do. */
    enum Expect {
        /** Refuse to send at all ({@link SmtpTlsException}), before any AUTH or mail. */
        FAIL_CLOSED,
        /** Send over TLS as if the attack were not there. */
        SEND_OVER_TLS,
        /** Either of the two: the attack garbles the handshake, or the injected bytes are thrown away. */
        EITHER
    }

    final String description;
    final UnaryOperator<FakeSmtpServerBuilder> server;
    final Expect expect;

    TlsAttack(String description, UnaryOperator<FakeSmtpServerBuilder> server, Expect expect) {
        this.description = description;
        this.server = server;
        this.expect = expect;
    }
}

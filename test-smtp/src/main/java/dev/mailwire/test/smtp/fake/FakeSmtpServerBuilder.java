package dev.mailwire.test.smtp.fake;

import dev.mailwire.test.smtp.tls.TestCertificates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configures a {@link FakeSmtpServer}. The defaults are a well-behaved submission server: STARTTLS offered and
 * required, then AUTH PLAIN LOGIN XOAUTH2 (any credentials accepted until {@link #user} names some), PIPELINING,
 * 8BITMIME and ENHANCEDSTATUSCODES, no SIZE limit, idle connections closed after 5 minutes as Postfix does.
 */
public final class FakeSmtpServerBuilder {

    private String greetingName = "localhost";
    private boolean startTls = true;
    private boolean requireTls = true;
    private boolean authBeforeTls;
    private boolean requireAuth;
    private List<String> authMechanisms = List.of("PLAIN", "LOGIN", "XOAUTH2");
    private final Map<String, String> users = new LinkedHashMap<>();
    private long sizeLimit;
    private List<String> extensions = List.of("PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES");
    private TestCertificates certificates;
    private List<String> tlsProtocols = List.of();
    private Duration idleTimeout = Duration.ofMinutes(5);
    private int receiveBufferSize;
    private Behaviour behaviour = Behaviour.NORMAL;

    FakeSmtpServerBuilder() {}

    /** The name in the greeting and EHLO reply; default {@code localhost}. */
    public FakeSmtpServerBuilder greetingName(String name) {
        this.greetingName = name;
        return this;
    }

    /** Whether STARTTLS exists at all (offered and implemented); without it nothing requires TLS. */
    public FakeSmtpServerBuilder startTls(boolean offered) {
        this.startTls = offered;
        return this;
    }

    /** Whether MAIL, RCPT, DATA and AUTH are refused with 530 before STARTTLS; default true. */
    public FakeSmtpServerBuilder requireTls(boolean required) {
        this.requireTls = required;
        return this;
    }

    /** Offer and accept AUTH over plaintext too: the server that asks for credentials before TLS. */
    public FakeSmtpServerBuilder authBeforeTls(boolean allowed) {
        this.authBeforeTls = allowed;
        return this;
    }

    /** Whether MAIL is refused with 530 until AUTH succeeded; default false. */
    public FakeSmtpServerBuilder requireAuth(boolean required) {
        this.requireAuth = required;
        return this;
    }

    /** The AUTH mechanisms offered, of PLAIN, LOGIN, XOAUTH2; none means no AUTH at all. */
    public FakeSmtpServerBuilder authMechanisms(String... mechanisms) {
        this.authMechanisms = List.of(mechanisms).stream()
                .map(m -> m.toUpperCase(Locale.ROOT))
                .toList();
        return this;
    }

    /** A login the server accepts; for XOAUTH2 the password is the bearer token. */
    public FakeSmtpServerBuilder user(String name, String password) {
        users.put(name, password);
        return this;
    }

    /** Offers {@code SIZE n} and refuses larger messages with 552; 0 (default) offers no SIZE. */
    public FakeSmtpServerBuilder sizeLimit(long bytes) {
        this.sizeLimit = bytes;
        return this;
    }

    /** The plain EHLO keywords, replacing the default PIPELINING, 8BITMIME, ENHANCEDSTATUSCODES. */
    public FakeSmtpServerBuilder extensions(String... keywords) {
        this.extensions = List.of(keywords);
        return this;
    }

    /** The certificate presented after STARTTLS; default {@link TestCertificates#localhost()}. */
    public FakeSmtpServerBuilder certificates(TestCertificates certificates) {
        this.certificates = certificates;
        return this;
    }

    /** The TLS versions the server accepts, e.g. {@code "TLSv1.1"} for an outdated server; default the JDK's. */
    public FakeSmtpServerBuilder tlsProtocols(String... protocols) {
        this.tlsProtocols = List.of(protocols);
        return this;
    }

    /** After this long without a command the server says 421 and closes; zero never. */
    public FakeSmtpServerBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
        return this;
    }

    /** A small receive buffer makes a client that writes to a server not reading block sooner. */
    public FakeSmtpServerBuilder receiveBufferSize(int bytes) {
        this.receiveBufferSize = bytes;
        return this;
    }

    /** The behaviour from the first connection on; can be swapped later with {@link FakeSmtpServer#behaviour}. */
    public FakeSmtpServerBuilder behaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** Binds 127.0.0.1 on a free port and starts accepting. */
    public FakeSmtpServer start() {
        FakeSmtpConfig config = new FakeSmtpConfig(
                greetingName,
                startTls,
                startTls && requireTls,
                authBeforeTls,
                requireAuth,
                authMechanisms,
                Map.copyOf(users),
                sizeLimit,
                extensions,
                certificates != null ? certificates : TestCertificates.localhost(),
                tlsProtocols,
                idleTimeout,
                receiveBufferSize);
        return FakeSmtpServer.start(config, behaviour);
    }
}

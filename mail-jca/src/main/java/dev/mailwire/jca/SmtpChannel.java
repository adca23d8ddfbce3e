package dev.mailwire.jca;

import dev.mailwire.MailerException;
import dev.mailwire.SendResult;
import dev.mailwire.jca.oauth.AccessToken;
import dev.mailwire.jca.oauth.TokenException;
import dev.mailwire.jca.oauth.TokenSource;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One physical SMTP connection: connected, TLS-protected and authenticated once, then used for many sends. Every
 * blocking step runs under a deadline that closes the socket when it passes, because Angus's read timeout bounds
 * only the gap between two bytes and a trickling server defeats it. Not thread-safe: one sender at a time.
 */
final class SmtpChannel {

    private static final Logger LOG = Logger.getLogger(SmtpChannel.class.getName());

    private final MailSettings settings;
    private final DeadlineTimer timer;
    private final StagedSmtpTransport transport;
    private final SocketCapture capture;
    private final ConnectBackoff backoff;
    /** A send on this connection got an answer about its mail: the server accepts this client. */
    private boolean proven;

    private final AtomicBoolean closed = new AtomicBoolean();
    private long messagesSent;
    private boolean needsReset;
    private volatile boolean hasTokenExpiry;
    private volatile long tokenExpiresAtNanos;

    private SmtpChannel(
            MailSettings settings, DeadlineTimer timer, StagedSmtpTransport t, SocketCapture c, ConnectBackoff b) {
        this.settings = settings;
        this.backoff = b;
        this.timer = timer;
        this.transport = t;
        this.capture = c;
    }

    /** Connects, secures and authenticates, within send-timeout overall; throws a classified MailerException. */
    static SmtpChannel open(SessionFactory sessions, Identity identity, DeadlineTimer timer) {
        return open(sessions, identity, timer, sessions.settings().sendTimeout());
    }

    /**
     * Connects within {@code budget}. A failure opens the server's connect back-off; a success does not close it
     * yet: a server that throttles may accept TCP, TLS and AUTH and refuse at MAIL FROM (421), so only a first
     * answered send closes it (see {@link #send}).
     */
    static SmtpChannel open(SessionFactory sessions, Identity identity, DeadlineTimer timer, Duration budget) {
        MailSettings s = sessions.settings();
        sessions.backoff().check(s);
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            Attempt first = new Attempt();
            try {
                return connect(sessions, identity, timer, budget, first);
            } catch (TokenRefusedException e) {
                if (first.token == null || first.fetched) {
                    throw e; // a token fetched for this very connect: a new one would be refused alike
                }
                // The cached token was refused (revoked, or expired by the server's clock): one refresh, one
                // retry on a fresh connection, within what is left of the budget.
                LOG.log(Level.FINE, "Mailer {0}: cached OAuth2 token refused, renewing once", s.mailer());
                Attempt second = new Attempt();
                second.token = renew(s, identity, first.token);
                return connect(sessions, identity, timer, Duration.ofNanos(deadline - System.nanoTime()), second);
            }
        } catch (MailerException e) {
            if (!(e instanceof dev.mailwire.MailerConfigurationException)) {
                sessions.backoff().failed(e);
            }
            throw e;
        }
    }

    /** What one connect attempt authenticated with: the OAuth2 token, and whether it was fetched for it. */
    private static final class Attempt {
        AccessToken token;
        boolean fetched;
    }

    private static AccessToken renew(MailSettings s, Identity identity, AccessToken rejected) {
        try {
            return identity.tokenSource().renew(rejected);
        } catch (TokenException e) {
            throw Failures.token(s, e);
        }
    }

    private static SmtpChannel connect(
            SessionFactory sessions, Identity identity, DeadlineTimer timer, Duration budget, Attempt attempt) {
        MailSettings s = sessions.settings();
        // The secret first: a token source may call a token endpoint. Its time counts against the budget, and
        // the deadline is armed for what is left, so that it can never pass before the socket it must close exists.
        long start = System.nanoTime();
        String secret = secret(s, identity, attempt);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration left = budget.minus(took);
        if (left.isNegative() || left.isZero()) {
            throw Failures.tokenTooSlow(s, took, budget);
        }
        boolean oauth = s.usesOAuth() && identity.user() != null;
        StagedSmtpTransport transport = new StagedSmtpTransport(sessions.session());
        SocketCapture capture = SocketCapture.begin();
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> expire(deadlinePassed, capture), left);
        try {
            // OAuth2: Angus connects and secures without AUTH (it would authenticate whenever given a user and a
            // password), then OAuthLogin authenticates over the TLS socket.
            transport.connect(s.host(), s.port(), oauth ? null : identity.user(), oauth ? null : secret);
            if (identity.user() != null
                    && !transport.supportsExtension("AUTH")
                    && !transport.supportsExtension("AUTH=LOGIN")) {
                capture.closeSocket();
                throw Failures.authNotOffered(s);
            }
            if (oauth) {
                OAuthLogin.authenticate(s, transport, capture, identity.user(), secret);
            }
            if (s.pipelining()) {
                transport.pipelineTo(pipelineStream(transport, capture));
            }
            SmtpChannel channel = new SmtpChannel(s, timer, transport, capture, sessions.backoff());
            if (attempt.token != null) {
                channel.tokenExpiresAtNanos = attempt.token.expiresAtNanos();
                channel.hasTokenExpiry = true;
            }
            return channel;
        } catch (MessagingException | java.io.IOException | RuntimeException e) {
            capture.closeSocket();
            if (e instanceof MailerException m) {
                throw m;
            }
            throw Failures.connect(s, e, deadlinePassed.get());
        } finally {
            deadline.cancel(false);
            capture.end();
        }
    }

    /**
     * The stream Angus's own writes end in: the TLS socket's once TLS is up, else the plain socket's. Null (no
     * pipelining) for a TLS connection whose TLS socket was not captured, so that nothing is ever written in clear
     * beside it.
     */
    private static java.io.OutputStream pipelineStream(StagedSmtpTransport transport, SocketCapture capture)
            throws java.io.IOException {
        javax.net.ssl.SSLSocket tls = capture.tlsSocket();
        if (tls != null) {
            return tls.getOutputStream();
        }
        return transport.isSSL() || capture.socket() == null
                ? null
                : capture.socket().getOutputStream();
    }

    /** The password or token to authenticate with; for the adapter's token source, remembered in the attempt. */
    private static String secret(MailSettings s, Identity identity, Attempt attempt) {
        TokenSource source = identity.tokenSource();
        if (source == null) {
            return identity.secret();
        }
        if (attempt.token == null) {
            long before = source.requests();
            try {
                attempt.token = source.token();
            } catch (TokenException e) {
                throw Failures.token(s, e);
            }
            attempt.fetched = source.requests() != before;
        }
        return attempt.token.value();
    }

    /**
     * Whether this connection authenticated with an OAuth2 token that has expired since: the pool retires it at its
     * next return, so that no connection outlives the grant it was opened with by more than one use.
     */
    boolean tokenExpired() {
        return hasTokenExpiry && System.nanoTime() - tokenExpiresAtNanos >= 0;
    }

    /**
     * Sends one message. Replies about the mail (a rejected recipient, a refused sender) come back as results or
     * as {@link dev.mailwire.MailRejectedException}; a broken connection comes back as a {@link SendFailure}.
     */
    SendResult send(MimeMessage message, Address[] recipients, Duration budget) throws SendFailureException {
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = timer.schedule(() -> expire(deadlinePassed, capture), budget);
        transport.resetStage();
        // Stays true only if something other than a reply or an I/O failure interrupts the send, for example an
        // attachment stream that throws: the SMTP transaction is then left open and needs RSET (or, past DATA,
        // a new connection) before the next mail.
        needsReset = true;
        try {
            transport.sendMessage(message, recipients);
            needsReset = false;
            answered();
            if (transport.pipelineBroken()) {
                abort();
            }
            return SendResults.allAccepted(
                    message, recipients, transport.getLastReturnCode(), transport.getLastServerResponse());
        } catch (MessagingException e) {
            if (!deadlinePassed.get() && SendResults.isReply(e)) {
                needsReset = false; // Angus ended the transaction itself (RSET, or the final dot)
                answered();
                if (transport.pipelineBroken()) {
                    abort(); // replies went out of step while Angus reset: the results stand, the connection not
                }
                return SendResults.fromReplies(settings.mailer(), message, recipients, e);
            }
            throw failure(e, deadlinePassed.get());
        } catch (IllegalStateException e) {
            throw failure(e, deadlinePassed.get());
        } finally {
            deadline.cancel(false);
        }
    }

    private void answered() {
        messagesSent++;
        if (!proven) {
            proven = true;
            backoff.succeeded();
        }
    }

    private SendFailureException failure(Exception e, boolean deadlinePassed) {
        SendFailure f = Failures.send(settings, e, transport.stage(), deadlinePassed);
        if (!proven && f.beforeContent()) {
            // Connected, yet dropped before the first mail got an answer (a 421 at MAIL FROM): a throttling
            // server, to be backed off like a refused connect.
            backoff.failed(f.error());
        }
        abort();
        return new SendFailureException(f);
    }

    /** Liveness probe: NOOP, bounded by read-timeout. Angus's {@code isConnected()} sends the NOOP. */
    boolean isAlive() {
        if (closed.get()) {
            return false;
        }
        return bounded(settings.readTimeout(), transport::isConnected);
    }

    /**
     * Resets per-send state after an interrupted send (RSET), keeping the socket. A send that got as far as the
     * message content cannot be reset (the server is still reading DATA): such a channel reports false.
     */
    boolean reset() {
        if (!needsReset) {
            return !closed.get();
        }
        StagedSmtpTransport.Stage stage = transport.stage();
        if (!stage.beforeContent() || closed.get()) {
            return false;
        }
        needsReset = false;
        transport.resetStage();
        return bounded(settings.readTimeout(), () -> transport.simpleCommand("RSET") == 250);
    }

    long messagesSent() {
        return messagesSent;
    }

    /** The largest message the server accepts, from EHLO SIZE (RFC 1870), if it announced one. */
    OptionalLong maxMessageSize() {
        String size = transport.getExtensionParameter("SIZE");
        try {
            long n = size == null ? 0 : Long.parseLong(size.trim());
            return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Says QUIT without waiting for the reply (quitwait=false), then closes; bounded. Idempotent. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            bounded(Duration.ofSeconds(1), () -> {
                transport.close();
                return true;
            });
            capture.closeSocket();
        }
    }

    /** Closes the socket at once, no QUIT: for a connection that is already broken. Idempotent. */
    void abort() {
        if (closed.compareAndSet(false, true)) {
            capture.closeSocket();
            try {
                transport.close(); // only releases Angus's state now that the socket is gone
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.FINEST, "close after abort", e);
            }
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private boolean bounded(Duration limit, Step step) {
        ScheduledFuture<?> deadline = timer.schedule(capture::closeSocket, limit);
        try {
            return step.run();
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.FINE, "SMTP step failed for mailer {0}: {1}", new Object[] {settings.mailer(), e});
            return false;
        } finally {
            deadline.cancel(false);
        }
    }

    private static void expire(AtomicBoolean flag, SocketCapture capture) {
        flag.set(true);
        capture.closeSocket();
    }

    @FunctionalInterface
    private interface Step {
        boolean run() throws MessagingException;
    }
}

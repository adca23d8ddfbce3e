package dev.mailwire.jca;

import dev.mailwire.MailRejectedException;
import dev.mailwire.MailerException;
import dev.mailwire.SendResult;
import dev.mailwire.jca.oauth.AccessToken;
import dev.mailwire.jca.oauth.TokenException;
import dev.mailwire.jca.oauth.TokenSource;
import dev.mailwire.jca.validation.Problems;
import dev.mailwire.jca.validation.SmtpUtf8;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    /**
     * The deadline of a send that could hold its final dot passed and closed the socket, maybe after that send had
     * returned: never reuse this connection.
     */
    private volatile boolean deadlineDroppedDot;
    /** The adapter's OAuth2 token this connection authenticated with; null for a password or a token bean. */
    private volatile AccessToken token;

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
        return open(sessions, identity, timer, budget, null);
    }

    /**
     * {@link #open(SessionFactory, Identity, DeadlineTimer, Duration)}, but first replacing {@code refused}, the
     * token of a connection on which the server stopped accepting it mid-session (see {@link #refusedToken}). The
     * renewed token is not renewed again if this connect is refused too: one refresh, one retry.
     */
    static SmtpChannel open(
            SessionFactory sessions, Identity identity, DeadlineTimer timer, Duration budget, AccessToken refused) {
        MailSettings s = sessions.settings();
        sessions.backoff().check(s);
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            Attempt first = new Attempt();
            if (refused != null) {
                first.token = renew(s, identity, refused);
                first.fetched = true;
            }
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
                transport.pipelineTo(pipelineStream(transport, capture), capture.cork());
            }
            SmtpChannel channel = new SmtpChannel(s, timer, transport, capture, sessions.backoff());
            channel.token = attempt.token;
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
        AccessToken t = token;
        return t != null && t.expired();
    }

    /**
     * The token this connection authenticated with, if the server just refused a mail because it no longer accepts
     * it: every recipient got 530 (authentication required) or 535 (credentials invalid, RFC 4954), which is how a
     * server that re-checks a session's token at each transaction answers at MAIL FROM once it expired, and the
     * token has been superseded at the source (expired, past its refresh point, or replaced). Otherwise null: a
     * refusal of the current token is the caller's to see.
     */
    AccessToken refusedToken(MailRejectedException e, TokenSource source) {
        AccessToken t = token;
        if (t == null || source == null || !source.superseded(t)) {
            return null;
        }
        boolean authRefused = !e.result().recipients().isEmpty()
                && e.result().recipients().stream().allMatch(r -> r.code() == 530 || r.code() == 535);
        return authRefused ? t : null;
    }

    /**
     * Sends one message. Replies about the mail (a rejected recipient, a refused sender) come back as results or
     * as {@link dev.mailwire.MailRejectedException}; a broken connection comes back as a {@link SendFailure}.
     */
    SendResult send(MimeMessage message, Address[] recipients, Duration budget) throws SendFailureException {
        return send(message, recipients, budget, false).join(); // complete: nothing was held
    }

    /**
     * Sends one message like {@link #send}, but where its envelope was pipelined and every recipient accepted,
     * without waiting for the reply to its final dot: the dot waits in the corked connection ({@link Cork}) to go out
     * in one write with the next command on this connection, normally the next mail's envelope, and the reply is read
     * just before that command's (RFC 2920). The returned future completes then; a {@link #reset}, {@link #isAlive} or {@link #close}
     * reads it too, and {@link #abort} fails it. The send deadline stays armed until the reply is read. Where the
     * dot was not held (no pipelining, a refused recipient) the future is complete on return.
     */
    CompletableFuture<SendResult> sendHoldingDot(MimeMessage message, Address[] recipients, Duration budget)
            throws SendFailureException {
        return send(message, recipients, budget, true);
    }

    /** The result, complete unless the send held its final dot. */
    private CompletableFuture<SendResult> send(
            MimeMessage message, Address[] recipients, Duration budget, boolean mayHold) throws SendFailureException {
        StagedSmtpTransport.HeldDot previous = transport.heldDot();
        try {
            boolean smtpUtf8 = needsSmtpUtf8(message, recipients);
            try {
                transport.sendingSmtpUtf8(smtpUtf8);
                return sendNow(message, recipients, budget, mayHold);
            } finally {
                transport.sendingSmtpUtf8(false);
            }
        } finally {
            settleHeldDot(previous);
        }
    }

    /**
     * Reads the reply to the previous send's held dot if this send ended before reading any reply (a refusal
     * before MAIL FROM, a failure that dropped the connection): that send's caller waits for it.
     */
    private void settleHeldDot(StagedSmtpTransport.HeldDot previous) {
        if (transport.holds(previous) && !readHeldReply()) {
            abort();
        }
    }

    /**
     * Reads the reply to a held final dot, if one is unread, within read-timeout; false if it could not be read
     * (the held send then has its outcome: lost).
     */
    private boolean readHeldReply() {
        if (!transport.holdsDot()) {
            return true;
        }
        if (closed.get()) {
            transport.dropHeldDot(closedHoldingDot());
            return false;
        }
        return bounded(settings.readTimeout(), () -> {
            transport.readHeldReply();
            return true;
        });
    }

    private static void cancel(AtomicReference<ScheduledFuture<?>> armed) {
        ScheduledFuture<?> f = armed.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    private static java.io.IOException closedHoldingDot() {
        return new java.io.IOException(JcaMessages.CONNECTION_CLOSED_HOLDING_DOT.format());
    }

    /**
     * Whether the mail needs SMTPUTF8 (RFC 6531); refuses it, before MAIL FROM, when this server's EHLO did not offer
     * it: Angus would send the UTF-8 address anyway, and a server without SMTPUTF8 may mangle it or deliver it to
     * someone else.
     */
    private boolean needsSmtpUtf8(MimeMessage message, Address[] recipients) {
        boolean needed;
        try {
            needed = SmtpUtf8.required(message, recipients);
        } catch (MessagingException e) {
            throw Problems.invalid(
                    JcaMessages.UNREADABLE_MESSAGE, settings.mailer(), "message", null, Problems.quote(e.toString()));
        }
        if (needed && !transport.offersSmtpUtf8()) {
            throw Problems.invalid(
                    JcaMessages.SMTPUTF8_NOT_OFFERED,
                    settings.mailer(),
                    "recipient",
                    null,
                    settings.host(),
                    settings.port());
        }
        return needed;
    }

    private CompletableFuture<SendResult> sendNow(
            MimeMessage message, Address[] recipients, Duration budget, boolean mayHold) throws SendFailureException {
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        AtomicReference<ScheduledFuture<?>> armed = new AtomicReference<>();
        HeldSend hold = mayHold
                ? new HeldSend(settings, message, recipients, deadlinePassed, () -> cancel(armed), this::answered)
                : null;
        ScheduledFuture<?> deadline = timer.schedule(
                () -> {
                    if (hold != null) {
                        // Set before the held mail's caller can learn of the deadline: it may close the handle at
                        // once, and the pool must then drop this connection, whose socket closes now.
                        deadlineDroppedDot = true;
                    }
                    expire(deadlinePassed, capture);
                    if (hold != null) {
                        // Whoever holds the connection now may not read for a while: the held mail's caller
                        // learns at its deadline, not later, that no reply came.
                        transport.dropHeldDot(hold, closedHoldingDot());
                    }
                },
                budget);
        armed.set(deadline);
        boolean deadlineHandedOver = false;
        transport.resetStage();
        // Stays true only if something other than a reply or an I/O failure interrupts the send, for example an
        // attachment stream that throws: the SMTP transaction is then left open and needs RSET (or, past DATA,
        // a new connection) before the next mail.
        needsReset = true;
        transport.holdNextDot(hold);
        try {
            transport.sendMessage(message, recipients);
            needsReset = false;
            if (transport.holds(hold)) {
                deadlineHandedOver = true; // the reply to the dot, read later, cancels it
                proven(); // its envelope was answered, every recipient accepted
                return hold.result();
            }
            answered();
            if (transport.pipelineBroken()) {
                abort();
            }
            return CompletableFuture.completedFuture(SendResults.allAccepted(
                    message, recipients, transport.getLastReturnCode(), transport.getLastServerResponse()));
        } catch (MessagingException e) {
            if (!deadlinePassed.get() && SendResults.isReply(e)) {
                needsReset = false; // Angus ended the transaction itself (RSET, or the final dot)
                if (transport.holds(hold)) {
                    hold.ended(e); // reportsuccess: the RCPT replies, for when the dot's reply comes
                    deadlineHandedOver = true;
                    proven();
                    return hold.result();
                }
                answered();
                if (transport.pipelineBroken()) {
                    abort(); // replies went out of step while Angus reset: the results stand, the connection not
                }
                return CompletableFuture.completedFuture(
                        SendResults.fromReplies(settings.mailer(), message, recipients, e));
            }
            throw failure(e, deadlinePassed.get());
        } catch (IllegalStateException e) {
            throw failure(e, deadlinePassed.get());
        } finally {
            transport.holdNextDot(null);
            if (!deadlineHandedOver) {
                deadline.cancel(false);
            }
        }
    }

    private void answered() {
        messagesSent++;
        proven();
    }

    /**
     * The server answered a mail on this connection: it takes mail from this client, which closes its connect
     * back-off. A held final dot proves it too, by the replies to its envelope: else the next mail, failing before
     * its content because that dot got no reply, would open the back-off and be refused its retry on a fresh
     * connection (MWJCA-112), as if the server throttled.
     */
    private void proven() {
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
        return readHeldReply() && !deadlineDroppedDot && bounded(settings.readTimeout(), transport::isConnected);
    }

    /**
     * Resets per-send state after an interrupted send (RSET), keeping the socket. A send that got as far as the
     * message content cannot be reset (the server is still reading DATA): such a channel reports false.
     */
    boolean reset() {
        if (!readHeldReply() || deadlineDroppedDot) {
            return false;
        }
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
                transport.readHeldReply(); // a mail whose final dot waits for its reply: read it before QUIT
                transport.close();
                return true;
            });
            capture.closeSocket();
            transport.dropHeldDot(closedHoldingDot());
        }
    }

    /** Closes the socket at once, no QUIT: for a connection that is already broken. Idempotent. */
    void abort() {
        if (closed.compareAndSet(false, true)) {
            capture.closeSocket();
            transport.dropHeldDot(closedHoldingDot());
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

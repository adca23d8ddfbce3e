package dev.mailwire.jca;

import dev.mailwire.MailRejectedException;
import dev.mailwire.MailerException;
import dev.mailwire.SendResult;
import dev.mailwire.SendTimeoutException;
import dev.mailwire.jca.oauth.AccessToken;
import dev.mailwire.jca.pool.MessageCounter;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A pooled SMTP connection as the JCA pool sees it. The pool (the server's or the embedded one) owns its life;
 * this class reports every broken connection to the pool before the caller sees the exception, so the pool never
 * hands it out again.
 */
final class MailManagedConnection implements ManagedConnection, MessageCounter {

    private static final Logger LOG = Logger.getLogger(MailManagedConnection.class.getName());

    private final MailManagedConnectionFactory factory;
    private final SessionFactory sessions;
    private final DeadlineTimer timer;
    private final Identity identity;
    private final ConnectionRequestInfo requestInfo;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<MailConnectionImpl> handles = new CopyOnWriteArrayList<>();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile SmtpChannel channel;
    private volatile boolean used;
    private volatile long messagesSent;
    private volatile long reconnects;
    private PrintWriter logWriter;

    MailManagedConnection(
            MailManagedConnectionFactory factory,
            SessionFactory sessions,
            DeadlineTimer timer,
            Identity identity,
            ConnectionRequestInfo requestInfo) {
        this.factory = factory;
        this.requestInfo = requestInfo;
        this.sessions = sessions;
        this.timer = timer;
        this.identity = identity;
        this.channel = SmtpChannel.open(sessions, identity, timer);
    }

    MailManagedConnectionFactory factory() {
        return factory;
    }

    Identity identity() {
        return identity;
    }

    /** The request info this connection was made for: its settings overrides and identity. */
    ConnectionRequestInfo requestInfo() {
        return requestInfo;
    }

    String mailer() {
        return sessions.settings().mailer();
    }

    /**
     * Sends on this connection. A send that failed on a reused connection before the server saw any content (a
     * 421 at MAIL FROM, an idle socket the server closed) is retried once on a fresh connection, unseen by the
     * caller; so is a mail refused with 530/535 because the server no longer accepts the connection's superseded
     * OAuth2 token, after one renewal. Any other broken connection is reported to the pool first, then thrown.
     */
    SendResult send(MailConnectionImpl handle, MimeMessage message, Address[] recipients) {
        return attempt(handle, message, recipients, SmtpChannel::send);
    }

    /**
     * {@link #send}, but the reply to the final dot may be left for the next user of this connection to read
     * ({@link SmtpChannel#sendHoldingDot}); the future completes with it. Everything up to the final dot, retries
     * included, is as for {@link #send}.
     */
    CompletableFuture<SendResult> sendHoldingDot(MailConnectionImpl handle, MimeMessage message, Address[] recipients) {
        return attempt(handle, message, recipients, SmtpChannel::sendHoldingDot);
    }

    /** One way to send on a channel: {@link SmtpChannel#send} or {@link SmtpChannel#sendHoldingDot}. */
    @FunctionalInterface
    private interface ChannelSend<T> {
        T send(SmtpChannel channel, MimeMessage message, Address[] recipients, Duration budget)
                throws SendFailureException;
    }

    private <T> T attempt(MailConnectionImpl handle, MimeMessage message, Address[] recipients, ChannelSend<T> how) {
        // One deadline for the whole send, the retry included: send-timeout bounds what the caller waits.
        long deadline = System.nanoTime() + sessions.settings().sendTimeout().toNanos();
        boolean reused = used;
        used = true;
        SendFailure first;
        try {
            return count(how.send(channel, message, recipients, remaining(deadline)));
        } catch (SendFailureException e) {
            first = e.failure();
        } catch (MailRejectedException e) {
            // 530/535 at MAIL FROM for a token the source has since replaced: a server that re-checks a session's
            // token at each mail stopped accepting it. Nothing of the mail was taken, so one renewal and one
            // retry on a fresh connection are safe.
            AccessToken stale = channel.refusedToken(e, identity.tokenSource());
            if (stale == null) {
                throw e;
            }
            LOG.log(
                    Level.FINE,
                    "Mailer {0}: the server no longer accepts this connection''s OAuth2 token; renewing it once",
                    mailer());
            channel.abort();
            return sendOnFreshConnection(handle, message, recipients, deadline, stale, how);
        }
        // A timeout means a slow server, not a stale connection: retrying would only make the caller wait longer.
        if (!reused || !first.retryable() || first.error() instanceof SendTimeoutException) {
            throw reportBroken(handle, first.error());
        }
        LOG.log(
                Level.FINE,
                "Mailer {0}: reused connection failed before content, retrying on a fresh one: {1}",
                new Object[] {mailer(), first.error().getMessage()});
        return sendOnFreshConnection(handle, message, recipients, deadline, null, how);
    }

    /**
     * Sends once more on a new socket, within the first attempt's deadline; with {@code refusedToken}, that token is
     * renewed first (the server stopped accepting it mid-session). Any failure now goes to the pool and the caller.
     */
    private <T> T sendOnFreshConnection(
            MailConnectionImpl handle,
            MimeMessage message,
            Address[] recipients,
            long deadline,
            AccessToken refusedToken,
            ChannelSend<T> how) {
        try {
            channel = SmtpChannel.open(sessions, identity, timer, remaining(deadline), refusedToken);
            reconnects++;
            return count(how.send(channel, message, recipients, remaining(deadline)));
        } catch (MailerException e) {
            throw reportBroken(handle, e);
        } catch (SendFailureException second) {
            throw reportBroken(handle, second.failure().error());
        }
    }

    /** What is left until {@code deadline}; at least a millisecond, so the step fails at once rather than waits. */
    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }

    /** Counts a message that went out on this connection (for the pool's per-connection allowance). */
    private <T> T count(T sent) {
        messagesSent++;
        return sent;
    }

    private MailerException reportBroken(MailConnectionImpl handle, MailerException error) {
        channel.abort();
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, error);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionErrorOccurred(event));
        return error;
    }

    void handleClosed(MailConnectionImpl handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    OptionalLong maxMessageSize() {
        return channel.maxMessageSize();
    }

    /** Validation for the pool: a NOOP round trip (Angus's isConnected). */
    boolean isValid() {
        return !destroyed.get() && channel.isAlive();
    }

    boolean isDestroyed() {
        return destroyed.get();
    }

    /** Times this connection replaced its socket to retry a send; each replaced socket was closed. */
    long reconnects() {
        return reconnects;
    }

    @Override
    public long messagesSent() {
        return messagesSent;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo cri) throws ResourceException {
        if (destroyed.get()) {
            throw new jakarta.resource.spi.IllegalStateException(JcaMessages.CONNECTION_DESTROYED.format(mailer()));
        }
        if (!java.util.Objects.equals(cri, requestInfo) || !identity.equals(factory.identity(subject, cri))) {
            // Re-authentication is not supported (ra.xml): a connection never changes identity.
            throw new jakarta.resource.spi.SecurityException(JcaMessages.OTHER_IDENTITY.format(mailer()));
        }
        MailConnectionImpl handle = new MailConnectionImpl(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof MailConnectionImpl handle)) {
            throw new jakarta.resource.spi.IllegalStateException(
                    JcaMessages.FOREIGN_HANDLE.format(mailer(), connection));
        }
        handle.associate(this);
        handles.add(handle);
    }

    void dissociate(MailConnectionImpl handle) {
        handles.remove(handle);
    }

    /**
     * Resets per-send state (RSET only after an interrupted send) and keeps the socket; refuses (so that the pool
     * destroys it) a connection that authenticated with an OAuth2 token that has expired since.
     */
    @Override
    public void cleanup() throws ResourceException {
        handles.forEach(MailConnectionImpl::invalidate);
        handles.clear();
        if (!destroyed.get() && !channel.reset()) {
            throw new ResourceException(JcaMessages.RESET_FAILED.format(mailer()));
        }
        if (channel.tokenExpired()) {
            // The server's pool and the embedded one both destroy a connection whose cleanup fails.
            throw new ResourceException(JcaMessages.TOKEN_OUTLIVED.format(mailer()));
        }
    }

    /** Fast and idempotent: QUIT without waiting for the reply, then close. */
    @Override
    public void destroy() {
        if (destroyed.compareAndSet(false, true)) {
            handles.forEach(MailConnectionImpl::invalidate);
            handles.clear();
            channel.close();
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException(JcaMessages.NO_TRANSACTIONS.format());
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException(JcaMessages.NO_TRANSACTIONS.format());
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        MailSettings s = sessions.settings();
        return new MailManagedConnectionMetaData(s.host() + ":" + s.port(), identity.toString());
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}

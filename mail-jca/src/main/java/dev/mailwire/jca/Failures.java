package dev.mailwire.jca;

import dev.mailwire.MailerException;
import dev.mailwire.SendTimeoutException;
import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.SmtpTlsException;
import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Turns what Angus and the JDK throw into the {@link MailerException} subtype a caller can act on, worded by
 * {@link JcaMessages}. Messages name the mailer, the server and the
 * setting involved; they never carry a password or token (Angus's messages do not contain them either).
 */
final class Failures {

    /** What Angus's WriteTimeoutSocket says when a write blocked past mail.smtp.writetimeout. */
    private static final String WRITE_TIMED_OUT = "Write timed out";

    private Failures() {}

    /** Why establishing a connection (TCP, greeting, EHLO, TLS, AUTH) failed. */
    static MailerException connect(MailSettings s, Throwable t, boolean deadlinePassed) {
        String mailer = s.mailer();
        if (deadlinePassed) {
            return new SendTimeoutException(
                    mailer, JcaMessages.CONNECT_DEADLINE.format(mailer, s.host(), s.port(), s.sendTimeout()), t);
        }
        SocketTimeoutException timeout = find(t, SocketTimeoutException.class);
        if (timeout != null) {
            boolean connectPhase = find(t, org.eclipse.angus.mail.util.SocketConnectException.class) != null;
            return new SendTimeoutException(
                    mailer,
                    connectPhase
                            ? JcaMessages.CONNECT_TIMEOUT.format(mailer, s.host(), s.port(), s.connectTimeout())
                            : JcaMessages.NO_GREETING.format(mailer, s.host(), s.port(), s.readTimeout()),
                    t);
        }
        if (find(t, UnknownHostException.class) != null) {
            return new SmtpConnectionException(
                    mailer, JcaMessages.UNKNOWN_HOST.format(mailer, s.host(), s.port(), s.host()), t);
        }
        if (find(t, ConnectException.class) != null) {
            return new SmtpConnectionException(
                    mailer, JcaMessages.CONNECTION_REFUSED.format(mailer, s.host(), s.port()), t);
        }
        String text = messages(t);
        if (text.contains("STARTTLS is required")) {
            return new SmtpTlsException(mailer, JcaMessages.STARTTLS_NOT_OFFERED.format(mailer, s.host(), s.port()), t);
        }
        if (find(t, SSLException.class) != null || find(t, CertificateException.class) != null) {
            return new SmtpTlsException(
                    mailer, JcaMessages.TLS_FAILED.format(mailer, s.host(), s.port(), s.host(), root(t)), t);
        }
        if (t instanceof AuthenticationFailedException || text.contains("authentication mechanisms")) {
            return new SmtpAuthenticationException(
                    mailer, JcaMessages.AUTH_REFUSED.format(mailer, s.host(), s.port(), root(t)), t);
        }
        return new SmtpConnectionException(
                mailer, JcaMessages.CONNECT_FAILED.format(mailer, s.host(), s.port(), root(t)), t);
    }

    /** A connect refused without trying, because the last attempt failed moments ago (see ConnectBackoff). */
    static MailerException backingOff(MailSettings s, MailerException last, java.time.Duration remaining) {
        String message =
                JcaMessages.BACKING_OFF.format(s.mailer(), s.host(), s.port(), remaining.toMillis(), last.getMessage());
        if (last instanceof SendTimeoutException) {
            return new SendTimeoutException(s.mailer(), message, last);
        }
        if (last instanceof SmtpTlsException) {
            return new SmtpTlsException(s.mailer(), message, last);
        }
        if (last instanceof SmtpAuthenticationException) {
            return new SmtpAuthenticationException(s.mailer(), message, last);
        }
        return new SmtpConnectionException(s.mailer(), message, last);
    }

    /** Mailwire's own check after connect: Angus silently skips AUTH when the server does not offer it. */
    static MailerException authNotOffered(MailSettings s) {
        return new SmtpAuthenticationException(
                s.mailer(), JcaMessages.AUTH_NOT_OFFERED.format(s.mailer(), s.host(), s.port()), null);
    }

    /** Getting the OAuth2 token (a supplier bean, or the adapter's client) used up the connect budget. */
    static MailerException tokenTooSlow(MailSettings s, java.time.Duration took, java.time.Duration budget) {
        return new SendTimeoutException(
                s.mailer(),
                JcaMessages.TOKEN_TOO_SLOW.format(s.mailer(), took.toMillis(), budget, s.host(), s.port()),
                null);
    }

    /** No access token could be had from the adapter's OAuth2 client: nothing was connected, nothing sent. */
    static MailerException token(MailSettings s, dev.mailwire.jca.oauth.TokenException e) {
        return new SmtpAuthenticationException(
                s.mailer(), JcaMessages.NO_TOKEN.format(s.mailer(), s.host(), s.port(), e.getMessage()), e);
    }

    /** Why a send on an established connection failed at the connection level (not a reply to the mail). */
    static SendFailure send(MailSettings s, Throwable t, StagedSmtpTransport.Stage stage, boolean deadlinePassed) {
        String mailer = s.mailer();
        String afterDot = stage == StagedSmtpTransport.Stage.FINAL_DOT ? JcaMessages.MAY_HAVE_BEEN_ACCEPTED : "";
        MailerException error;
        if (deadlinePassed) {
            error = new SendTimeoutException(
                    mailer, JcaMessages.SEND_DEADLINE.format(mailer, s.host(), s.port(), s.sendTimeout(), afterDot), t);
        } else if (find(t, EnvelopePipeline.PipeliningViolation.class) != null) {
            EnvelopePipeline.PipeliningViolation v = find(t, EnvelopePipeline.PipeliningViolation.class);
            String message = ".".equals(v.command())
                    ? JcaMessages.HELD_DOT_VIOLATION.format(mailer, s.host(), s.port(), v.reply(), afterDot)
                    : JcaMessages.PIPELINING_VIOLATION.format(mailer, s.host(), s.port(), v.command(), v.reply());
            error = new SmtpConnectionException(mailer, message, t);
        } else if (find(t, SocketTimeoutException.class) != null || writeTimedOut(t)) {
            error = new SendTimeoutException(
                    mailer, JcaMessages.SEND_TIMEOUT.format(mailer, s.host(), s.port(), s.readTimeout(), afterDot), t);
        } else {
            error = new SmtpConnectionException(
                    mailer, JcaMessages.CONNECTION_BROKE.format(mailer, s.host(), s.port(), root(t), afterDot), t);
        }
        return new SendFailure(error, true, stage.beforeContent());
    }

    /**
     * Whether Angus's write timeout ended a blocked write. It closes the socket to do so; depending on which write
     * was blocked the caller sees "Write timed out" or the plain "Socket closed" of the next write. During a send
     * nothing else closes the socket locally but the send deadline, which callers check first.
     */
    private static boolean writeTimedOut(Throwable t) {
        String text = messages(t);
        return text.contains(WRITE_TIMED_OUT)
                || (find(t, java.net.SocketException.class) != null && text.contains("Socket closed"));
    }

    /** Whether {@code t} says the connection is gone, rather than the server answering about this mail. */
    static boolean isConnectionLevel(Throwable t) {
        if (t instanceof IllegalStateException) {
            return true; // Angus: "Not connected" after it closed itself on an earlier I/O error
        }
        if (find(t, IOException.class) != null) {
            return true;
        }
        SMTPSendFailedException reply = find(t, SMTPSendFailedException.class);
        // 421: the server is closing the channel (RFC 5321 §3.8); -1: EOF instead of a reply.
        return reply != null && (reply.getReturnCode() == 421 || reply.getReturnCode() < 0);
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = next(c)) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null && t.getCause() != t) {
            return t.getCause();
        }
        return t instanceof jakarta.mail.MessagingException m ? m.getNextException() : null;
    }

    private static String root(Throwable t) {
        Throwable r = t;
        while (next(r) != null) {
            r = next(r);
        }
        String m = r.getMessage();
        return r.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = next(c)) {
            sb.append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}

package dev.mailwire.cdi.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.InvalidMailException;
import dev.mailwire.MailRejectedException;
import dev.mailwire.PoolExhaustedException;
import dev.mailwire.RecipientResult;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.SendTimeoutException;
import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.SmtpTlsException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A send's result or exception becomes one outcome: delivered, deferred (held), rejected with the worse reply class,
 * or an error of a kind told apart down to DNS and refused connections.
 */
class SendOutcomesAreClassifiedTest {

    private static final Instant NOW = Instant.now();

    @Test
    void resultsByReply() {
        SendEvent delivered = of(new SendResult("<m>", List.of(r(Status.DELIVERED, 250), r(Status.DELIVERED, 250))));
        assertThat(delivered.outcome()).isEqualTo(SendOutcome.DELIVERED);
        assertThat(delivered.replyCode()).isEqualTo(250);
        assertThat(delivered.delivered()).isEqualTo(2);

        SendEvent partial = of(new SendResult(
                "<m>", List.of(r(Status.DELIVERED, 250), r(Status.DEFERRED, 450), r(Status.REJECTED, 550))));
        assertThat(partial.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(partial.replyClass()).isEqualTo("5xx");
        assertThat(partial.replyCode()).isEqualTo(550);
        assertThat(List.of(partial.delivered(), partial.deferred(), partial.rejected()))
                .containsExactly(1, 1, 1);

        SendEvent later = of(new SendResult("<m>", List.of(r(Status.DELIVERED, 250), r(Status.DEFERRED, 451))));
        assertThat(later.replyClass()).isEqualTo("4xx");
        assertThat(later.replyCode()).isEqualTo(451);
    }

    @Test
    void heldForTheTransactionIsDeferredAndUntimed() {
        SendResult held = new SendResult(
                "<m>", List.of(r(Status.QUEUED, 0)), List.of(), new SendResult.Deferral("entry-1", true));
        SendEvent e = Outcomes.of("m", held, NOW, -1);
        assertThat(e.outcome()).isEqualTo(SendOutcome.DEFERRED);
        assertThat(e.deferred()).isEqualTo(1);
        assertThat(e.timed()).isFalse();
    }

    @Test
    void exceptionsByKind() {
        assertThat(error(new SmtpConnectionException("m", "x", new UnknownHostException("nowhere"))))
                .isEqualTo(ErrorKind.DNS);
        assertThat(error(new SmtpConnectionException("m", "x", new ConnectException("refused"))))
                .isEqualTo(ErrorKind.REFUSED);
        assertThat(error(new SmtpConnectionException("m", "x", null))).isEqualTo(ErrorKind.CONNECTION);
        assertThat(error(new SmtpTlsException("m", "x", null))).isEqualTo(ErrorKind.TLS);
        assertThat(error(new SmtpAuthenticationException("m", "x", null))).isEqualTo(ErrorKind.AUTH);
        assertThat(error(new SendTimeoutException("m", "x", null))).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(error(new PoolExhaustedException("m", "x"))).isEqualTo(ErrorKind.POOL_EXHAUSTED);
        assertThat(error(new InvalidMailException("m", "to", "x"))).isEqualTo(ErrorKind.INVALID);
        assertThat(error(new IllegalStateException("bug"))).isEqualTo(ErrorKind.OTHER);
        assertThat(ErrorKind.REFUSED.serverUnusable()).isTrue();
        assertThat(ErrorKind.INVALID.serverUnusable()).isFalse();
        assertThat(ErrorKind.POOL_EXHAUSTED.label()).isEqualTo("pool_exhausted");
    }

    @Test
    void refusedMailIsRejectedNotAnError() {
        SendResult all5xx = new SendResult("<m>", List.of(r(Status.REJECTED, 550)));
        SendEvent e = Outcomes.of("m", new MailRejectedException("m", "refused", all5xx, null), NOW, 5);
        assertThat(e.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(e.replyCode()).isEqualTo(550);

        SendEvent noResult = Outcomes.of("m", new MailRejectedException("m", "sender refused", null, null), NOW, 5);
        assertThat(noResult.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(noResult.replyClass()).isEqualTo("5xx");
    }

    private static SendEvent of(SendResult result) {
        return Outcomes.of("m", result, NOW, 1_000);
    }

    private static ErrorKind error(RuntimeException e) {
        SendEvent event = Outcomes.of("m", e, NOW, 1_000);
        assertThat(event.outcome()).isEqualTo(SendOutcome.ERROR);
        return event.error();
    }

    private static RecipientResult r(Status status, int code) {
        return new RecipientResult("x@example.org", status, code, "");
    }
}

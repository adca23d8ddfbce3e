package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailwire.RecipientResult;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.proxy.RecordingProxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, must-show 1: against the real Postfix (STARTTLS + AUTH, which advertises PIPELINING), a pipelined send
 * to three recipients of which Postfix accepts one, defers one (450) and rejects one (550) gives exactly the results
 * of the same send in lock-step; on the wire the pipelined envelope is one TLS record (one client write) where
 * lock-step writes MAIL, each RCPT and DATA apart; and Postfix saw no improper pipelining.
 */
@Timeout(120)
class PipelinedRepliesMatchLockStepTest {

    @Test
    void threeRepliesAreTheSameAndTheEnvelopeIsOneWrite() {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                RecordingProxy proxy = RecordingProxy.to(postfix.host(), postfix.port())) {
            String ok = postfix.address("ada");
            String deferred = postfix.address("deferred");
            String rejected = postfix.address("rejected");

            ProxiedMailer.Sent pipelined;
            try (ProxiedMailer m = ProxiedMailer.starttls(postfix, proxy, true)) {
                pipelined = m.send(ProxiedMailer.message(postfix, "pipelined", ok, deferred, rejected));
            }
            ProxiedMailer.Sent lockStep;
            try (ProxiedMailer m = ProxiedMailer.starttls(postfix, proxy, false)) {
                lockStep = m.send(ProxiedMailer.message(postfix, "lock-step", ok, deferred, rejected));
            }

            assertThat(pipelined.failure()).isNull();
            assertThat(pipelined.result().recipients())
                    .extracting(RecipientResult::address, RecipientResult::status, RecipientResult::code)
                    .containsExactly(
                            tuple(ok, Status.DELIVERED, 250),
                            tuple(deferred, Status.DEFERRED, 450),
                            tuple(rejected, Status.REJECTED, 550));
            assertThat(pipelined.result().recipients())
                    .extracting(
                            RecipientResult::address,
                            RecipientResult::status,
                            RecipientResult::code,
                            RecipientResult::reply)
                    .containsExactlyElementsOf(lockStep.result().recipients().stream()
                            .map(r -> tuple(r.address(), r.status(), r.code(), r.reply()))
                            .toList());
            // Pipelined: MAIL + 3 RCPT + DATA in one record, then the content with its final dot.
            assertThat(pipelined.writes()).hasSize(2);
            // Lock-step: MAIL, RCPT, RCPT, RCPT, DATA, then the content with its final dot.
            assertThat(lockStep.writes()).hasSize(6);

            assertThat(postfix.awaitDelivered(2, Duration.ofSeconds(30)))
                    .allSatisfy(d -> assertThat(d.deliveredTo()).contains(ok));
            assertThat(postfix.log().lines()).noneMatch(l -> l.contains("improper command pipelining"));
        }
    }
}

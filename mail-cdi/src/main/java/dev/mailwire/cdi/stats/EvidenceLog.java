package dev.mailwire.cdi.stats;

import dev.mailwire.cdi.internal.Secrets;
import java.time.Clock;
import java.time.Instant;

/**
 * The evidence one mailer has about its server: from its sends and from its probes, kept apart because readiness
 * trusts them for different times, and the last success and failure of either. Error texts are scrubbed here, before
 * anything can read them.
 */
final class EvidenceLog {

    private final Secrets secrets;
    private final Clock clock;
    private volatile Evidence lastSend;
    private volatile Evidence lastProbe;
    private volatile Instant lastSuccess;
    private volatile Evidence lastFailure;

    EvidenceLog(Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A send that reached the server or failed; only an exchange with the server is evidence about it. */
    void sent(SendEvent event, RuntimeException failure) {
        if (!event.timed()) {
            return;
        }
        // A reply of any kind (even 5xx) proves the server usable; only a failure of the server itself counts
        // against it, not an invalid mail or a full pool.
        Evidence e;
        if (event.outcome() != SendOutcome.ERROR) {
            e = Evidence.ok(event.start(), Evidence.Source.SEND);
        } else if (event.error().serverUnusable()) {
            e = failed(Evidence.Source.SEND, event.error(), failure);
        } else {
            return;
        }
        lastSend = e;
        note(e);
    }

    /** A probe's outcome: null when it got a connection. */
    Evidence probed(RuntimeException failure) {
        Evidence e = failure == null
                ? Evidence.ok(clock.instant(), Evidence.Source.PROBE)
                : failed(Evidence.Source.PROBE, ErrorKind.of(failure), failure);
        lastProbe = e;
        note(e);
        return e;
    }

    Evidence lastSend() {
        return lastSend;
    }

    Evidence lastProbe() {
        return lastProbe;
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    Evidence lastFailure() {
        return lastFailure;
    }

    private Evidence failed(Evidence.Source source, ErrorKind kind, RuntimeException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Evidence.failed(clock.instant(), source, kind, secrets.scrub(text));
    }

    private void note(Evidence e) {
        if (e.ok()) {
            lastSuccess = e.at();
        } else {
            lastFailure = e;
        }
    }
}

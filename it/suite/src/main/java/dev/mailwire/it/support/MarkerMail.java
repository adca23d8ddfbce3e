package dev.mailwire.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.List;

/**
 * Proves that a mail which must not go out (rolled back, cancelled) never does: after a quiet spell, a marker mail
 * sent in a transaction that commits must be the only mail Postfix delivered since the test cleared it, and stay so
 * for another quiet spell. The marker also shows the dispatcher still works, so silence is not a broken server.
 */
public final class MarkerMail {

    /** Long enough for a dispatcher that wrongly sent a rolled-back mail to have done so. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private MarkerMail() {}

    /** @param sendMarker sends a mail with the subject {@code marker} in a transaction that commits */
    public static void assertOnlyItArrives(PrivatePostfix postfix, String marker, Runnable sendMarker)
            throws InterruptedException {
        Thread.sleep(QUIET.toMillis());
        sendMarker.run();
        List<DeliveredMessage> delivered = postfix.awaitDelivered(1, Duration.ofSeconds(30));
        Thread.sleep(QUIET.toMillis());
        assertThat(postfix.delivered())
                .extracting(message -> message.subject().orElse(""))
                .containsExactly(marker);
        assertThat(delivered).hasSize(1);
    }
}

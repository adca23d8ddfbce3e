package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 16 threads against a pool of 3 with connections rotating fast: the server never sees more than 3 connections
 * in use at once, counted from its own log lines.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeakConnectionsNeverAboveMaxSizeTest {

    @RegisterExtension
    static final PostfixForTheClass POSTFIX = new PostfixForTheClass();

    @Test
    void sixteenThreadsNeverOpenMoreThanMaxSize() throws Exception {
        PrivatePostfix postfix = POSTFIX.postfix();
        // A small message allowance makes connections close and reopen throughout the run.
        PoolSettings.Builder settings = PoolSettings.builder().maxSize(3).maxMessagesPerConnection(7);
        try (PostfixMailer mailer = new PostfixMailer(postfix, settings)) {
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                int n = i;
                sends.add(threads.submit(() -> mailer.sendToInbox("peak " + n)));
            }
            for (Future<?> f : sends) {
                f.get(90, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertThat(mailer.pool.stats().inUse()).isZero();
        }
        postfix.awaitDelivered(320, Duration.ofSeconds(60));
        postfix.log().awaitEnded(postfix.log().connections(), Duration.ofSeconds(10));

        assertThat(postfix.log().connections()).as("rotation happened").isGreaterThanOrEqualTo(320 / 7);
        assertThat(postfix.log().peakConnectionsInUse()).isBetween(1, 3);
    }
}

package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 16 threads against a pool of 3 with connections rotating fast: the server never sees more than 3 connections
 * in use at once, counted from its own log lines.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeakConnectionsNeverAboveMaxSizeTest {

    private static PrivatePostfix postfix;

    @BeforeAll
    static void startPostfix() {
        postfix = PrivatePostfix.builder().start();
    }

    @AfterAll
    static void stopPostfix() {
        postfix.close();
    }

    @Test
    void sixteenThreadsNeverOpenMoreThanMaxSize() throws Exception {
        // A small message allowance makes connections close and reopen throughout the run.
        PoolSettings.Builder settings = PoolSettings.builder().maxSize(3).maxMessagesPerConnection(7);
        try (PostfixMailer mailer = new PostfixMailer(postfix, settings)) {
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                int n = i;
                sends.add(threads.submit(() -> {
                    try (MailConnection c = mailer.connections.getConnection()) {
                        c.send(PostfixMailer.message(postfix, postfix.address("inbox"), "peak " + n));
                    }
                    return null;
                }));
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

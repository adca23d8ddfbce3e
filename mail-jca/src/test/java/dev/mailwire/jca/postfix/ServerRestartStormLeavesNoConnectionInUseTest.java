package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.MailerException;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real Postfix is stopped and started while 16 threads send: sends fail with Mailwire exceptions (never hang),
 * no connection stays in use afterwards, and the pool serves sends again once the server is back.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerRestartStormLeavesNoConnectionInUseTest {

    @RegisterExtension
    static final PostfixForTheClass POSTFIX = new PostfixForTheClass();

    private static boolean sendAfterTheStorm(PostfixMailer mailer) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return mailer.sendToInbox("after storm").allDelivered();
            } catch (MailerException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void inUseBackToZeroAfterAFaultStorm() throws Exception {
        PrivatePostfix postfix = POSTFIX.postfix();
        PoolSettings.Builder settings = PoolSettings.builder().maxSize(4).acquireTimeout(Duration.ofSeconds(5));
        try (PostfixMailer mailer = new PostfixMailer(postfix, settings)) {
            mailer.mcf.setSendTimeout("PT5S");
            mailer.mcf.setConnectTimeout("PT2S");
            AtomicInteger failures = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                sends.add(threads.submit(() -> {
                    try {
                        mailer.sendToInbox("storm " + n);
                    } catch (MailerException e) {
                        failures.incrementAndGet();
                    }
                }));
            }
            for (int restart = 0; restart < 5; restart++) {
                Thread.sleep(100);
                postfix.stop();
                Thread.sleep(50);
                postfix.start();
            }
            for (Future<?> f : sends) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();

            assertThat(mailer.pool.stats().inUse()).isZero();
            // Once the connect back-off window the storm opened has closed, sends go through again.
            assertThat(sendAfterTheStorm(mailer)).isTrue();
            assertThat(mailer.pool.stats().inUse()).isZero();
        }
    }
}

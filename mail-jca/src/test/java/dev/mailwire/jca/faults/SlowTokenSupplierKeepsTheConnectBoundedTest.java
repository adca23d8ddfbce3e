package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SendTimeoutException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, finding 8: the XOAUTH2 token supplier ran after the connect deadline was armed. A supplier slower than
 * send-timeout let the deadline pass while no socket existed yet, so nothing was closed and the connect that
 * followed had no bound but the read timeout (here 20 s against a server that never greets). Now the token counts
 * against send-timeout and the connect gets only what is left.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
class SlowTokenSupplierKeepsTheConnectBoundedTest {

    @Test
    void connectAfterASlowTokenStillEndsAtSendTimeout() {
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(Faults.silent()).start();
                FakeServerMailer mailer = new FakeServerMailer(server, "PT20S", "PT1S")) {
            mailer.mcf.setPassword(null);
            mailer.mcf.setAuthMechanisms("XOAUTH2");
            mailer.mcf.setTokenSupplier(() -> {
                sleep(Duration.ofMillis(1500));
                return "token-1";
            });

            long start = System.nanoTime();
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SendTimeoutException.class)
                    .hasMessageContaining("send-timeout");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(SocketThreads.clientThreadsInSocketIo()).isEmpty();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

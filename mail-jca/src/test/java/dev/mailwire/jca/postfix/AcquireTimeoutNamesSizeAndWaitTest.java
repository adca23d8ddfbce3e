package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.PoolExhaustedException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With every real connection in use, the next caller gets a clear error naming the pool size and the wait. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AcquireTimeoutNamesSizeAndWaitTest {

    @Test
    void exhaustedPoolFailsClearly() {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                PostfixMailer mailer = new PostfixMailer(
                        postfix, PoolSettings.builder().maxSize(2).acquireTimeout(Duration.ofMillis(300)));
                MailConnection first = mailer.connections.getConnection();
                MailConnection second = mailer.connections.getConnection()) {
            assertThatThrownBy(mailer.connections::getConnection)
                    .isInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("postfix-test")
                    .hasMessageContaining("pool.max-size=2")
                    .hasMessageContaining("PT0.3S");
        }
    }
}

package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** max-messages-per-connection and max-lifetime retire connections, as the server's sessions show. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionsRotateTest {

    private PrivatePostfix postfix;

    @BeforeEach
    void startPostfix() {
        postfix = PrivatePostfix.builder().start();
    }

    @AfterEach
    void stopPostfix() {
        postfix.close();
    }

    @Test
    void aConnectionCarriesAtMostMaxMessages() {
        try (PostfixMailer mailer =
                new PostfixMailer(postfix, PoolSettings.builder().maxSize(1).maxMessagesPerConnection(5))) {
            send(mailer, 23);
        }
        List<SmtpSession> sessions = ended(23);
        assertThat(sessions).hasSize(5);
        assertThat(sessions).allSatisfy(s -> assertThat(s.messages()).isLessThanOrEqualTo(5));
    }

    @Test
    void aConnectionIsRetiredAfterMaxLifetime() throws InterruptedException {
        try (PostfixMailer mailer =
                new PostfixMailer(postfix, PoolSettings.builder().maxSize(1).maxLifetime(Duration.ofMillis(300)))) {
            send(mailer, 2);
            Thread.sleep(400);
            send(mailer, 2);
        }
        List<SmtpSession> sessions = ended(4);
        assertThat(sessions).hasSize(2);
        assertThat(sessions).allSatisfy(s -> assertThat(s.messages()).isEqualTo(2));
    }

    private void send(PostfixMailer mailer, int count) {
        for (int i = 0; i < count; i++) {
            mailer.sendToInbox("rotate " + i);
        }
    }

    private List<SmtpSession> ended(int messages) {
        postfix.awaitDelivered(messages, Duration.ofSeconds(30));
        return postfix.log().awaitEnded(postfix.log().connections(), Duration.ofSeconds(10));
    }
}

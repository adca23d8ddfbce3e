package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import jakarta.mail.internet.MimeMessage;
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
 * 1,000 interleaved sends as two users through one pool: Postfix sees each AUTH identity only on its own
 * connections, and every message arrives marked with the identity that sent it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TwoIdentitiesNeverShareAConnectionTest {

    private static PrivatePostfix postfix;

    @BeforeAll
    static void startPostfix() {
        postfix = PrivatePostfix.builder()
                .user("alice", "alice-pw")
                .user("bob", "bob-pw")
                .start();
    }

    @AfterAll
    static void stopPostfix() {
        postfix.close();
    }

    @Test
    void eachConnectionCarriesOneIdentityOnly() throws Exception {
        MailConnectionSpec alice = MailConnectionSpec.of("alice", "alice-pw".toCharArray());
        MailConnectionSpec bob = MailConnectionSpec.of("bob", "bob-pw".toCharArray());
        try (PostfixMailer mailer =
                new PostfixMailer(postfix, PoolSettings.builder().maxSize(4))) {
            ExecutorService threads = Executors.newFixedThreadPool(6);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                MailConnectionSpec who = i % 2 == 0 ? alice : bob;
                int n = i;
                sends.add(threads.submit(() -> {
                    MimeMessage m = PostfixMailer.message(postfix, postfix.address("inbox"), "identity " + n);
                    m.setHeader("X-Sent-As", who.username());
                    try (MailConnection c = mailer.connections.getConnection(who)) {
                        assertThat(c.send(m).allDelivered()).isTrue();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sends) {
                f.get(120, TimeUnit.SECONDS);
            }
            threads.shutdown();
        }

        List<DeliveredMessage> delivered = postfix.awaitDelivered(1000, Duration.ofSeconds(90));
        assertThat(delivered).hasSize(1000);
        for (DeliveredMessage m : delivered) {
            String sentAs = m.header("X-Sent-As").orElseThrow();
            assertThat(m.authenticatedSender())
                    .as(m.subject().orElse(""))
                    .hasValueSatisfying(a -> assertThat(a).startsWith(sentAs));
        }
        List<SmtpSession> sessions = postfix.log().awaitEnded(postfix.log().connections(), Duration.ofSeconds(10));
        assertThat(sessions)
                .allSatisfy(s -> assertThat(s.users().stream().distinct()).hasSizeLessThanOrEqualTo(1));
        assertThat(sessions).allSatisfy(s -> assertThat(s.authentications()).isLessThanOrEqualTo(1));
        assertThat(postfix.log().authenticationsByUser()).containsOnlyKeys("alice", "bob");
    }
}

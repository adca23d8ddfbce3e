package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A transaction that rolls back — by an exception, by {@code setRollbackOnly}, by its timeout — sends nothing: no
 * connection reaches the SMTP server, and no outbox row remains. Proven with the outbox and with mail held in memory.
 * The server's log is read only after a later mail sent outside any transaction has arrived, so a connection made
 * for a rolled-back mail would have been logged before it.
 */
@Timeout(90)
class RollbackSendsNothingTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    private TestConfig config;
    private WeldContainer container;
    private Mailer mailer;

    @AfterEach
    void closeContainer() {
        container.close();
        config.close();
    }

    void boot(boolean outbox) {
        SERVERS.postfix().clearObservations();
        Map<String, String> settings = TxSettings.postfix(SERVERS.postfix());
        config = TestConfig.use(outbox ? TxSettings.outbox(settings) : TxSettings.fastRetries(settings));
        container = TxContainers.boot();
        mailer = TxContainers.mailer(container);
    }

    @ParameterizedTest(name = "outbox={0}")
    @ValueSource(booleans = {true, false})
    void rollbackByException(boolean outbox) throws Exception {
        boot(outbox);
        assertThatThrownBy(() -> Jta.inTransaction(() -> {
                    mailer.send(mail("by exception"));
                    throw new IllegalStateException("business failure");
                }))
                .hasMessage("business failure");
        assertNothingSent(outbox);
    }

    @ParameterizedTest(name = "outbox={0}")
    @ValueSource(booleans = {true, false})
    void rollbackBySetRollbackOnly(boolean outbox) throws Exception {
        boot(outbox);
        TransactionManager tm = Jta.tm();
        tm.begin();
        mailer.send(mail("before setRollbackOnly"));
        tm.setRollbackOnly();
        mailer.send(mail("after setRollbackOnly"));
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        assertNothingSent(outbox);
    }

    @ParameterizedTest(name = "outbox={0}")
    @ValueSource(booleans = {true, false})
    void rollbackByTimeout(boolean outbox) throws Exception {
        boot(outbox);
        TransactionManager tm = Jta.tm();
        tm.setTransactionTimeout(1);
        try {
            tm.begin();
            mailer.send(mail("before the timeout"));
            Thread.sleep(1500); // Narayana's reaper rolls the transaction back meanwhile
            mailer.send(mail("after the timeout"));
            assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        } finally {
            tm.setTransactionTimeout(0);
        }
        assertNothingSent(outbox);
    }

    @ParameterizedTest(name = "outbox={0}")
    @ValueSource(booleans = {true, false})
    void rollbackAfterSendAsync(boolean outbox) throws Exception {
        boot(outbox);
        assertThatThrownBy(() -> Jta.inTransaction(() -> {
                    var result = mailer.sendAsync(mail("async, then rolled back"))
                            .toCompletableFuture()
                            .get();
                    assertThat(result.isDeferred()).isTrue();
                    throw new IllegalStateException("business failure");
                }))
                .hasMessage("business failure");
        assertNothingSent(outbox);
    }

    private void assertNothingSent(boolean outbox) throws Exception {
        if (outbox) {
            assertThat(Databases.count(SERVERS.dataSource(), "SELECT COUNT(*) FROM mailwire_outbox"))
                    .isZero();
        }
        mailer.send(mail("sentinel, sent outside any transaction"));
        DeliveredMessage only =
                SERVERS.postfix().awaitDelivered(1, Duration.ofSeconds(20)).get(0);
        assertThat(only.subject()).contains("sentinel, sent outside any transaction");
        assertThat(SERVERS.postfix().log().connections()).isEqualTo(1);
        assertThat(SERVERS.postfix().delivered()).hasSize(1);
    }

    private static Mail mail(String subject) {
        return Mail.builder()
                .to(SERVERS.postfix().address("ada"))
                .subject(subject)
                .text("t")
                .build();
    }
}

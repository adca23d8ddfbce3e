package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** XOAUTH2 takes its bearer token from the supplier at every new connection, since tokens expire. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class XoAuth2TokenIsAskedAtEachConnectTest {

    @Test
    void freshTokenPerConnection() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .authMechanisms("XOAUTH2")
                        .user(FakeServerMailer.USER, "token-1")
                        .behaviour(Faults.closeAfterMessages(1))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            mailer.mcf.setPassword(null);
            mailer.mcf.setAuthMechanisms("XOAUTH2");
            mailer.mcf.setTokenSupplier(() -> {
                asked.incrementAndGet();
                return "token-1";
            });
            assertThat(mailer.send(FakeServerMailer.message("one")).allDelivered())
                    .isTrue();
            Thread.sleep(300); // the server closes the connection after each message
            assertThat(mailer.send(FakeServerMailer.message("two")).allDelivered())
                    .isTrue();

            assertThat(asked).hasValue(2);
            assertThat(server.authIdentitiesPerConnection())
                    .containsExactly(List.of(FakeServerMailer.USER), List.of(FakeServerMailer.USER));
        }
    }
}

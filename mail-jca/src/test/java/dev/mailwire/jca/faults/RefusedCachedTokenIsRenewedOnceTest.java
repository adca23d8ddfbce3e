package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A cached access token that the SMTP server refuses (revoked, or expired by the server's clock) is renewed once and
 * the connect retried once on a fresh connection, unseen by the caller; a token fetched for the very connect is not
 * renewed (a new one would be refused alike). The issuer here is an in-JVM token endpoint handing out
 * {@code token-1}, then {@code token-2}; the server accepts only {@code token-2}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusedCachedTokenIsRenewedOnceTest {

    @Test
    void oneRenewalThenTheSendGoesThrough() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        HttpServer issuer = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        issuer.createContext("/token", exchange -> {
            byte[] body = ("{\"access_token\":\"token-" + issued.incrementAndGet()
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .authMechanisms("XOAUTH2")
                        .user(FakeServerMailer.USER, "token-2")
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            mailer.mcf.setPassword(null);
            mailer.mcf.setAuthMechanisms("XOAUTH2");
            mailer.mcf.setOauth2TokenEndpoint(
                    "http://127.0.0.1:" + issuer.getAddress().getPort() + "/token");
            mailer.mcf.setOauth2ClientId("client");
            mailer.mcf.setOauth2ClientSecret("client-secret");

            // token-1, fetched for this connect and refused: no renewal, the caller sees the refusal.
            Throwable first = catchThrowable(() -> mailer.send(FakeServerMailer.message("one")));
            assertThat(first).isInstanceOf(SmtpAuthenticationException.class);
            assertThat(first.getMessage())
                    .contains("refused the OAuth2 access token")
                    .doesNotContain("token-1");
            assertThat(issued).hasValue(1);

            Thread.sleep(300); // past the connect back-off the refusal opened
            // token-1 again, now from the cache: refused, renewed once (token-2), retried on a fresh connection.
            assertThat(mailer.send(FakeServerMailer.message("two")).allDelivered())
                    .isTrue();
            assertThat(issued).hasValue(2);
        } finally {
            issuer.stop(0);
        }
    }
}

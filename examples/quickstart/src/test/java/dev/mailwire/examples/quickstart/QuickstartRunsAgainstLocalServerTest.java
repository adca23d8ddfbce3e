package dev.mailwire.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's first command works: every mail reaches the accepting recipient, over a pool of two connections. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QuickstartRunsAgainstLocalServerTest {

    @Test
    void sendsAndReportsPerRecipient() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LocalServer server = new LocalServer()) {
            server.settings().forEach(System::setProperty);
            List<SendResult> results = Quickstart.run(
                    List.of(server.address("alice"), server.address("rejected")),
                    server,
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(results).hasSize(Quickstart.MAILS);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
                assertThat(r.recipients().get(1).status()).isEqualTo(Status.REJECTED);
                assertThat(r.recipients().get(1).code()).isEqualTo(550);
            });
        } finally {
            server().forEach(System::clearProperty);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("DELIVERED 250").contains("REJECTED  550");
        assertThat(out).containsPattern("10 mails went out over [12] connection\\(s\\), counted by Postfix");
    }

    private static List<String> server() {
        return List.of(
                "mailwire.mailer.host",
                "mailwire.mailer.port",
                "mailwire.mailer.trust-store",
                "mailwire.mailer.trust-store-password",
                "mailwire.mailer.trust-store-type",
                "mailwire.mailer.username",
                "mailwire.mailer.password",
                "mailwire.mailer.from",
                "mailwire.mailer.pool.max-size");
    }
}

package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jörg@example.test}, as From and as To, arrives through the real Postfix (which offers SMTPUTF8) with its
 * UTF-8 address in the envelope (Postfix's log) and in the delivered copy's headers, display name and subject still
 * MIME-encoded, DKIM-signed and verified by dkimpy. Postfix marks a message that came with SMTPUTF8 in its Received
 * header ({@code with UTF8SMTPSA}, RFC 6531 §3.7.3): only that mail carries it, not an ASCII mail sent after it on
 * the same connection.
 */
@Timeout(120)
class NonAsciiLocalPartSentWithSmtpUtf8Test {

    private static final String JOERG = "j\u00f6rg@example.test";

    @TempDir
    Path keysDir;

    @Test
    void sentWithSmtpUtf8() {
        try (PrivatePostfix postfix =
                PrivatePostfix.builder().user("app", "app-secret").start()) {
            DkimTestKeys keys = DkimTestKeys.generate(postfix.domain(), keysDir);
            Map<String, String> settings = keys.signWithBoth(ServerSettings.of("<default>", postfix, "app"));
            settings.put("mailwire.mailer.pool.max-size", "1"); // both mails on one connection
            try (TestConfig c = TestConfig.use(settings);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                var mailer = container.select(DefaultMailerClient.class).get().mailer;
                mailer.send(Mail.builder()
                        .from("J\u00f6rg M\u00fcller <" + JOERG + ">")
                        .to(JOERG)
                        .subject("Gr\u00fc\u00dfe")
                        .text("Hallo J\u00f6rg")
                        .build());
                mailer.send(Mail.builder()
                        .to(postfix.address("ada"))
                        .subject("ascii")
                        .text("t")
                        .build());
            }

            List<DeliveredMessage> delivered = postfix.awaitDelivered(2, Duration.ofSeconds(30));
            DeliveredMessage utf8 = delivered.stream()
                    .filter(d -> d.header("To").orElse("").equals(JOERG))
                    .findFirst()
                    .orElseThrow();
            DeliveredMessage ascii =
                    delivered.stream().filter(d -> d != utf8).findFirst().orElseThrow();
            assertThat(utf8.header("Received").orElseThrow()).contains("with UTF8SMTPSA");
            assertThat(ascii.header("Received").orElseThrow())
                    .contains("with ESMTPSA")
                    .doesNotContain("UTF8");
            assertThat(utf8.header("From").orElseThrow()).startsWith("=?UTF-8?").endsWith("<" + JOERG + ">");
            assertThat(utf8.header("Subject").orElseThrow()).startsWith("=?UTF-8?");
            assertThat(utf8.deliveredTo()).contains(JOERG);
            assertThat(utf8.header("Return-Path")).contains("<" + JOERG + ">");
            postfix.log().awaitLine("from=<" + JOERG + ">", Duration.ofSeconds(10));
            postfix.log().awaitLine("to=<" + JOERG + ">", Duration.ofSeconds(10));

            for (DeliveredMessage d : delivered) {
                DkimVerifier.Result verdict = keys.verifier().verify(d.file());
                assertThat(verdict.passed())
                        .as(String.join("\n", verdict.lines()))
                        .isTrue();
            }

            List<SmtpSession> sessions = postfix.log().awaitEnded(1, Duration.ofSeconds(10));
            assertThat(sessions)
                    .filteredOn(s -> s.messages() > 0)
                    .singleElement()
                    .satisfies(s -> assertThat(s.messages()).isEqualTo(2));
        }
    }
}

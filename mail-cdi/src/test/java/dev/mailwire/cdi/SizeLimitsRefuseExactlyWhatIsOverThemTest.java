package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Attachment;
import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mailwire checks a mail against an upper bound of its size and measures it only when the bound reaches a limit.
 * Near a limit the check is still exact: a mail whose bound is over the limit but whose size is under it goes out,
 * and one a few kilobytes over is refused in the caller's thread, before the server sees a MAIL command. Sizes here:
 * an attachment of n bytes is about 1.37 n in base64, plus about a kilobyte of headers; the bound adds more.
 */
@Timeout(60)
class SizeLimitsRefuseExactlyWhatIsOverThemTest {

    private static final long LIMIT = 150_000;

    @Test
    void theConfiguredMaximum() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            Map<String, String> config = new java.util.HashMap<>(FakeServerSettings.of("<default>", server));
            config.put("mailwire.mailer.max-message-size", String.valueOf(LIMIT));
            withMailer(config, mailer -> assertExact(server, mailer, "the configured maximum is " + LIMIT));
        }
    }

    @Test
    void theServersSizeExtension() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().sizeLimit(LIMIT).start()) {
            withMailer(
                    FakeServerSettings.of("<default>", server),
                    mailer -> assertExact(server, mailer, "the server accepts at most " + LIMIT));
        }
    }

    private static void assertExact(FakeSmtpServer server, Mailer mailer, String reason) {
        // 105,000 bytes: about 145 KB written, under the limit; its bound is over it, so it is measured.
        mailer.send(mail(105_000));
        assertThat(server.awaitMessages(1, Duration.ofSeconds(30))).hasSize(1);
        int mailCommands = server.commandCount("MAIL");

        // 110,000 bytes: about 152 KB written, over the limit.
        assertThatThrownBy(() -> mailer.send(mail(110_000)))
                .isInstanceOf(InvalidMailException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((InvalidMailException) e).field())
                .isEqualTo("size");
        assertThat(server.commandCount("MAIL"))
                .as("MAIL commands after the refusal")
                .isEqualTo(mailCommands);
        assertThat(server.messages()).hasSize(1);
    }

    private static Mail mail(int attachmentBytes) {
        return Mail.builder()
                .to("ada@example.org")
                .subject("Near the limit")
                .text("Attached.")
                .attachment(Attachment.of("data.bin", "application/octet-stream", new byte[attachmentBytes]))
                .build();
    }

    private static void withMailer(Map<String, String> config, Consumer<Mailer> test) {
        try (TestConfig c = TestConfig.use(config);
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            test.accept(container.select(DefaultMailerClient.class).get().mailer);
        }
    }
}

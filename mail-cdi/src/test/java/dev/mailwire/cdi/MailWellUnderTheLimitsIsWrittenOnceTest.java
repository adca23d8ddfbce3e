package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mail far below the configured maximum and the server's SIZE is not written once just to be measured: its
 * attachment is read once, on the wire. (Measuring every mail cost a full extra write of each message.)
 */
@Timeout(60)
class MailWellUnderTheLimitsIsWrittenOnceTest {

    @Test
    void theAttachmentIsReadOnlyForTheWire() throws Exception {
        byte[] content = new byte[10_000];
        AtomicInteger opened = new AtomicInteger();
        Attachment counted = Attachment.of("report.bin", "application/octet-stream", content.length, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(content);
        });
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().sizeLimit(10_000_000).start();
                TestConfig c = TestConfig.use(FakeServerSettings.of("<default>", server));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            container
                    .select(DefaultMailerClient.class)
                    .get()
                    .mailer
                    .send(Mail.builder()
                            .to("ada@example.org")
                            .subject("Report")
                            .text("Attached.")
                            .attachment(counted)
                            .build());

            assertThat(server.awaitMessages(1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(opened).as("times the attachment was read").hasValue(1);
        }
    }
}

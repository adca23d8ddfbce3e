package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * A non-ASCII local part ({@code jörg@example.test}) would need SMTPUTF8 (RFC 6531), which Mailwire does not send
 * yet: it is refused before anything is queued, with an error that names the field, the character and the reason,
 * while the same address with an internationalized domain only is accepted.
 */
class NonAsciiLocalPartRefusedTest {

    @Test
    void refusedWithAClearError() {
        try (TestConfig c = TestConfig.use(
                        Map.of("mailwire.mailer.mock", "true", "mailwire.mailer.from", "a@example.org"));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            var mailer = container.select(DefaultMailerClient.class).get().mailer;
            MockMailbox mailbox = container.select(MockMailbox.class).get();

            InvalidMailException e = catchThrowableOfType(
                    () -> mailer.send(Mail.builder()
                            .to("jörg@example.test")
                            .subject("s")
                            .text("t")
                            .build()),
                    InvalidMailException.class);

            assertThat(e).isNotNull();
            assertThat(e.field()).isEqualTo("to");
            assertThat(e.getMessage()).contains("U+00F6").contains("local part").contains("SMTPUTF8");
            assertThat(mailbox.size()).isZero();

            mailer.send(Mail.builder()
                    .to("joerg@bücher.example")
                    .subject("s")
                    .text("t")
                    .build());
            assertThat(mailbox.messagesTo("joerg@xn--bcher-kva.example")).hasSize(1);
        }
    }
}

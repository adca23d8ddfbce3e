package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * With {@code approved-recipients}, only matching addresses are in the envelope; the others are never sent to, and a
 * mail with no approved recipient is not sent at all.
 */
class ApprovedRecipientsDropOthersTest {

    private static final Map<String, String> CONFIG = Map.of(
            "mailwire.mailer.mock", "true",
            "mailwire.mailer.from", "app@example.org",
            "mailwire.mailer.approved-recipients", ".*@staging\\.example\\.org, qa-[0-9]{1\\,3}@example\\.org");

    @Test
    void onlyApprovedRecipientsAreSentTo() {
        try (TestConfig config = TestConfig.use(CONFIG);
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
            SendResult result = mailer.send(Mail.builder()
                    .to("ada@STAGING.example.org", "customer@example.com")
                    .cc("qa-12@example.org")
                    .bcc("qa-1234@example.org")
                    .subject("Hello")
                    .text("Hi")
                    .build());

            assertThat(result.recipients())
                    .extracting(RecipientResult::address)
                    .containsExactly("ada@STAGING.example.org", "qa-12@example.org");
            assertThat(result.dropped()).containsExactly("customer@example.com", "qa-1234@example.org");
            MockMailbox mailbox = container.select(MockMailbox.class).get();
            assertThat(mailbox.all())
                    .singleElement()
                    .satisfies(m ->
                            assertThat(m.recipients()).containsExactly("ada@STAGING.example.org", "qa-12@example.org"));
        }
    }

    @Test
    void mailWithNoApprovedRecipientIsNotSent() {
        try (TestConfig config = TestConfig.use(CONFIG);
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
            SendResult result = mailer.send(Mail.builder()
                    .to("customer@example.com")
                    .subject("Hello")
                    .text("Hi")
                    .build());

            assertThat(result.recipients()).isEmpty();
            assertThat(result.dropped()).containsExactly("customer@example.com");
            assertThat(result.messageId()).isNotBlank();
            assertThat(container.select(MockMailbox.class).get().size()).isZero();
        }
    }
}

package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerName;
import dev.mailwire.cdi.deployment.AlertsMailerClient;
import dev.mailwire.cdi.deployment.BillingMailerClient;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * {@link Mailers} knows every mailer, injected or only configured, and hands out the same mailer as injection and
 * {@code Instance.select(MailerName.Literal.of(name))}; the default mailer exists only when injected or configured.
 */
class MailersRegistryTest {

    private static final Map<String, String> CONFIG = Map.of(
            "mailwire.mailer.billing.mock", "true",
            "mailwire.mailer.billing.from", "billing@example.org",
            "mailwire.mailer.alerts.mock", "true",
            "mailwire.mailer.alerts.from", "alerts@example.org",
            "mailwire.mailer.reports.mock", "true",
            "mailwire.mailer.reports.from", "reports@example.org");

    @Test
    void everyNamedMailerIsReachableByName() {
        try (TestConfig config = TestConfig.use(CONFIG);
                WeldContainer container = Containers.boot(BillingMailerClient.class, AlertsMailerClient.class)) {
            Mailers mailers = container.select(Mailers.class).get();
            assertThat(mailers.names()).containsExactly("alerts", "billing", "reports");

            Mailer reports = mailers.mailer("reports");
            assertThat(reports.name()).isEqualTo("reports");
            container
                    .select(Mailer.class, MailerName.Literal.of("reports"))
                    .get()
                    .send(mail());
            container.select(AlertsMailerClient.class).get().mailer.send(mail());
            mailers.mailer("billing").send(mail());

            MockMailbox mailbox = container.select(MockMailbox.class).get();
            assertThat(mailbox.sentBy("reports")).hasSize(1);
            assertThat(mailbox.sentBy("alerts")).hasSize(1);
            assertThat(mailbox.sentBy("billing")).hasSize(1);
            assertThat(mailbox.messagesTo("ADA@example.org")).hasSize(3);
        }
    }

    @Test
    void defaultMailerDoesNotExistUnlessInjectedOrConfigured() {
        try (TestConfig config = TestConfig.use(CONFIG);
                WeldContainer container = Containers.boot(BillingMailerClient.class)) {
            assertThat(container.select(Mailer.class).isUnsatisfied()).isTrue();
            assertThatThrownBy(() -> container.select(Mailers.class).get().mailer(Mailer.DEFAULT_NAME))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("MWCDI-101")
                    .hasMessageContaining("[alerts, billing, reports]");
        }
    }

    private static Mail mail() {
        return Mail.builder().to("ada@example.org").subject("Hello").text("Hi").build();
    }
}

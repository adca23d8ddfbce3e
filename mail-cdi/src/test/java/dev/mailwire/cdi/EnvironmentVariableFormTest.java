package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.cdi.deployment.BillingMailerClient;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Settings given only as environment variables ({@code MAILWIRE_MAILER_BILLING_POOL_MAX_SIZE}) are found: keys are
 * read by their dotted names, which the Config implementation maps to the variables, and named mailers that exist
 * only in the environment are recovered from the variable names.
 */
class EnvironmentVariableFormTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "MAILWIRE_MAILER_HOST", "smtp.example.org",
            "MAILWIRE_MAILER_MOCK", "true",
            "MAILWIRE_MAILER_FROM", "app@example.org",
            "MAILWIRE_MAILER_BILLING_MOCK", "true",
            "MAILWIRE_MAILER_BILLING_FROM", "billing@example.org",
            "MAILWIRE_MAILER_BILLING_POOL_MAX_SIZE", "3",
            "MAILWIRE_MAILER_BILLING_TRUST_STORE_TYPE", "JKS",
            "MAILWIRE_MAILER_BILLING_SESSION_MAIL_SMTP_LOCALHOST", "app.example.org",
            "MAILWIRE_MAILER_REPORTS_MOCK", "true",
            "MAILWIRE_MAILER_REPORTS_FROM", "reports@example.org");

    @Test
    void everyKeyAndMailerIsReadFromTheEnvironment() throws Exception {
        try (TestConfig config = TestConfig.use(Map.of(), ENVIRONMENT);
                WeldContainer container = Containers.boot(DefaultMailerClient.class, BillingMailerClient.class)) {
            MailExtension extension = container.select(MailExtension.class).get();
            assertThat(extension.names()).containsExactlyInAnyOrder("<default>", "billing", "reports");
            assertThat(extension.definition("<default>").config().get(MailerKey.HOST))
                    .contains("smtp.example.org");
            MailerDefinition billing = extension.definition("billing");
            assertThat(billing.config().get(MailerKey.TRUST_STORE_TYPE)).contains("JKS");
            assertThat(billing.config().entries(MailerKey.SESSION))
                    .containsExactly(Map.entry("mail.smtp.localhost", "app.example.org"));

            container.select(BillingMailerClient.class).get().mailer.send(mail());
            Mailers mailers = container.select(Mailers.class).get();
            mailers.mailer("reports").send(mail());

            MockMailbox mailbox = container.select(MockMailbox.class).get();
            assertThat(mailbox.sentBy("billing"))
                    .singleElement()
                    .satisfies(
                            m -> assertThat(m.message().getFrom()[0].toString()).isEqualTo("billing@example.org"));
            assertThat(mailbox.sentBy("reports")).hasSize(1);
        }
    }

    private static Mail mail() {
        return Mail.builder().to("ada@example.org").subject("Hello").text("Hi").build();
    }
}

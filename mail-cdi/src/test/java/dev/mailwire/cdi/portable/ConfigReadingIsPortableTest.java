package dev.mailwire.cdi.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.cdi.Containers;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.MockMailbox;
import dev.mailwire.cdi.deployment.BillingMailerClient;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mailwire reads its settings through the plain MicroProfile Config API only: with a hand-written Config that
 * converts to String and nothing else, and no SmallRye on the class path (a surefire execution of its own, as
 * Payara ships its own Config), mailers are configured, named mailers are found (also from environment
 * variables), and bad settings still fail the deployment.
 */
class ConfigReadingIsPortableTest {

    @AfterEach
    void restoreResolver() {
        ConfigProviderResolver.setInstance(null);
    }

    @Test
    void noSmallRyeOnThisClassPath() {
        assertThatThrownBy(() -> Class.forName("io.smallrye.config.SmallRyeConfig"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void mailersAreConfiguredThroughTheMinimalConfig() throws Exception {
        use(
                Map.of(
                        "mailwire.mailer.mock", "true",
                        "mailwire.mailer.from", "app@example.org",
                        "mailwire.mailer.pool.max-size", "4"),
                Map.of(
                        "MAILWIRE_MAILER_BILLING_MOCK", "true",
                        "MAILWIRE_MAILER_BILLING_FROM", "billing@example.org",
                        "MAILWIRE_MAILER_BILLING_CONNECT_TIMEOUT", "PT3S"));
        try (WeldContainer container = Containers.boot(DefaultMailerClient.class, BillingMailerClient.class)) {
            container.select(DefaultMailerClient.class).get().mailer.send(mail());
            container.select(BillingMailerClient.class).get().mailer.send(mail());

            MockMailbox mailbox = container.select(MockMailbox.class).get();
            assertThat(mailbox.sentBy("<default>"))
                    .singleElement()
                    .satisfies(
                            m -> assertThat(m.message().getFrom()[0].toString()).isEqualTo("app@example.org"));
            assertThat(mailbox.sentBy("billing"))
                    .singleElement()
                    .satisfies(
                            m -> assertThat(m.message().getFrom()[0].toString()).isEqualTo("billing@example.org"));
            assertThat(container.select(Mailers.class).get().names()).containsExactly("<default>", "billing");
        }
    }

    @Test
    void badSettingsStillFailTheDeployment() {
        use(Map.of("mailwire.mailer.host", "127.0.0.1", "mailwire.mailer.read-timeout", "60"), Map.of());
        assertThatThrownBy(() -> Containers.boot(DefaultMailerClient.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("mailwire.mailer.read-timeout");
    }

    private static void use(Map<String, String> properties, Map<String, String> environment) {
        ConfigProviderResolver.setInstance(new MinimalConfigResolver(new MinimalConfig(properties, environment)));
    }

    private static Mail mail() {
        return Mail.builder().to("ada@example.org").subject("Hello").text("Hi").build();
    }
}

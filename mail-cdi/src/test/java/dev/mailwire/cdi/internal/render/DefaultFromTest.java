package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.MailerConfigurationException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

/** A mail without a from takes the mailer's configured one; with neither, or a bad one, the error says which. */
class DefaultFromTest {

    @Test
    void configuredFromUsed() throws Exception {
        StableIdMessage message = Rendering.render(Rendering.mail().text("Hi").build());

        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("billing@example.org");
        assertThat(from.getPersonal()).isEqualTo("Billing");
    }

    @Test
    void mailFromWins() throws Exception {
        StableIdMessage message = Rendering.render(
                Rendering.mail().from("me@example.net").text("Hi").build());

        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("me@example.net");
    }

    @Test
    void neither() {
        MailRenderer renderer = new MailRenderer("billing", null, null);

        assertThatThrownBy(() -> renderer.render(Rendering.mail().text("Hi").build(), Rendering.SESSION))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("from"))
                .hasMessageContaining("configure");
    }

    @Test
    void badConfiguredFromFailsAtConstruction() {
        assertThatThrownBy(() -> new MailRenderer("billing", "billing@example.org\r\nBcc: x", null))
                .isInstanceOf(MailerConfigurationException.class)
                .hasMessageContaining("billing");
    }

    @Test
    void noRecipient() {
        assertThatThrownBy(() ->
                        Rendering.render(dev.mailwire.Mail.builder().text("Hi").build()))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }
}

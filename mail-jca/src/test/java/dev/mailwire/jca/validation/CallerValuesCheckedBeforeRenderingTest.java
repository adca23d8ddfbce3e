package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks the renderer runs on caller strings: stricter than on a rendered message, where Angus folds. */
class CallerValuesCheckedBeforeRenderingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"a\r\n b", "a\rb", "a\nb", "a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u2028b", "a\ud800b"
            })
    void headerValueRefusesLineBreaksAndControls(String value) {
        assertThatThrownBy(() -> MessageValidator.checkHeaderValue("m", "subject", value))
                .isInstanceOf(InvalidMailException.class);
    }

    @Test
    void headerValueAllowsTabAndNonAscii() {
        MessageValidator.checkHeaderValue("m", "subject", "Grüße\tu 嘊 😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "X-Tag\r\n", "X:Tag", "Tägg"})
    void headerNameMustBeFtext(String name) {
        assertThatThrownBy(() -> MessageValidator.checkHeaderName("m", name))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("header name"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "a@x.org, b@x.org",
                "group: a@x.org;",
                "\"a b\"@x.org",
                "\"a\r\n b\"@x.org",
                "a\u560a\u202e@x.org",
                "a\u0085@x.org",
                "a@b\u2028c.org",
                "Evil\r\nBcc: x <a@x.org>",
                "a@x.org\r\n"
            })
    void addressRefused(String value) {
        assertThatThrownBy(() -> MessageValidator.parseAddress("m", "to", value))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    /**
     * A CJK domain (U+560D, of the CVE-2025-7962 payload) is a valid internationalized domain: it is sent as its
     * A-labels, all ASCII, so no byte of it can become a line break on the wire.
     */
    @Test
    void internationalizedDomainBecomesALabels() {
        InternetAddress address = MessageValidator.parseAddress("m", "to", "a@\u560d.org");

        assertThat(address.getAddress()).isEqualTo("a@" + java.net.IDN.toASCII("\u560d") + ".org");
        assertThat(address.getAddress()).matches("a@xn--[a-z0-9]+\\.org");
    }

    @Test
    void addressParsedWithUtf8DisplayName() throws Exception {
        InternetAddress address = MessageValidator.parseAddress("m", "to", "Jörg Müller <jm@example.org>");

        assertThat(address.getAddress()).isEqualTo("jm@example.org");
        assertThat(address.getPersonal()).isEqualTo("Jörg Müller");
        assertThat(address.toString()).startsWith("=?UTF-8?");
    }

    @Test
    void messageIdNormalised() {
        assertThat(MessageValidator.checkMessageId("m", "abc.1@example.org")).isEqualTo("<abc.1@example.org>");
        assertThat(MessageValidator.checkMessageId("m", "<abc.1@example.org>")).isEqualTo("<abc.1@example.org>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<>", "no-at", "a@b@c", "a b@c", "a@b\r\nX: y", "<a<b@c>", "a@\u560a"})
    void messageIdRefused(String value) {
        assertThatThrownBy(() -> MessageValidator.checkMessageId("m", value))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("message-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\r\nb", "a>b", "lögo"})
    void contentIdRefused(String value) {
        assertThatThrownBy(() -> MessageValidator.checkContentId("m", value))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("content-id"));
    }

    @Test
    void contentIdWithoutBrackets() {
        assertThat(MessageValidator.checkContentId("m", "<logo@x>")).isEqualTo("logo@x");
        assertThat(MessageValidator.checkContentId("m", "logo")).isEqualTo("logo");
    }
}

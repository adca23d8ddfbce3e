package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unsubscribe URIs are checked like every other header value: CR/LF (raw or in a Unicode line separator), a
 * {@code javascript:} or {@code data:} link, plain http for one-click, white space and the characters that would
 * close the URI in the header are refused with field {@code unsubscribe}, and nothing is recorded.
 */
class HostileUnsubscribeUrisRefusedTest {

    private static TestConfig config;
    private static WeldContainer container;
    private static Mailer mailer;

    @BeforeAll
    static void boot() {
        config = TestConfig.use(Map.of("mailwire.mailer.mock", "true", "mailwire.mailer.from", "app@example.org"));
        container = Containers.boot(DefaultMailerClient.class);
        mailer = container.select(DefaultMailerClient.class).get().mailer;
    }

    @AfterAll
    static void stop() {
        container.close();
        config.close();
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                hostile("CRLF then a header", b -> b.unsubscribe("https://example.org/u\r\nBcc: eve@example.net")),
                hostile("bare LF", b -> b.unsubscribe("mailto:u@example.org\nX: y")),
                hostile("Unicode line separator", b -> b.unsubscribe("https://example.org/u\u2028Bcc: eve@x.net")),
                hostile("javascript:", b -> b.unsubscribe("javascript:alert(1)")),
                hostile("JavaScript: in capitals", b -> b.unsubscribe("JavaScript:alert(1)")),
                hostile("data:", b -> b.unsubscribe("data:text/html,<script>x</script>")),
                hostile("one-click over http", b -> b.oneClickUnsubscribe("http://example.org/u")),
                hostile("one-click over mailto", b -> b.oneClickUnsubscribe("mailto:u@example.org")),
                hostile("plain http", b -> b.unsubscribe("http://example.org/u")),
                hostile("closing bracket", b -> b.unsubscribe("https://example.org/u>, <https://evil.example/")),
                hostile("space", b -> b.unsubscribe("https://example.org/a b")),
                hostile("non-ASCII", b -> b.unsubscribe("https://exämple.org/u")),
                hostile("https without host", b -> b.unsubscribe("https:///u")),
                hostile("as a custom header", b -> b.header("List-Unsubscribe", "<javascript:alert(1)>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refused(String name, UnaryOperator<Mail.Builder> unsubscribe) {
        MockMailbox mailbox = container.select(MockMailbox.class).get();
        mailbox.clear();
        Mail mail = unsubscribe
                .apply(Mail.builder().to("ada@example.org").subject("s").text("t"))
                .build();

        InvalidMailException e = catchThrowableOfType(() -> mailer.send(mail), InvalidMailException.class);

        assertThat(e).as(name).isNotNull();
        assertThat(e.field()).isIn("unsubscribe", "header List-Unsubscribe");
        assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u2028");
        assertThat(mailbox.size()).isZero();
    }

    private static Arguments hostile(String name, UnaryOperator<Mail.Builder> b) {
        return Arguments.of(name, b);
    }
}

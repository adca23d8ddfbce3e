package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.Attachment;
import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injection corpus end to end, through {@code @Inject Mailer} against an in-process SMTP server: each attack
 * throws {@link InvalidMailException} naming the field, and the server never sees a MAIL FROM for it — the mail is
 * refused before a connection is even borrowed. A valid mail afterwards goes through, so the server was reachable.
 */
@Timeout(60)
class InjectionCorpusNeverReachesServerTest {

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};

    private static FakeSmtpServer server;
    private static TestConfig config;
    private static WeldContainer container;
    private static Mailer mailer;

    @BeforeAll
    static void start() {
        server = FakeSmtpServer.builder().start();
        config = TestConfig.use(FakeServerSettings.of("<default>", server));
        container = Containers.boot(DefaultMailerClient.class);
        mailer = container.select(DefaultMailerClient.class).get().mailer;
    }

    @AfterAll
    static void stop() {
        container.close();
        config.close();
        server.close();
    }

    static Stream<Arguments> mailCorpus() {
        return Stream.of(
                attack("CRLF in subject", "subject", m -> m.subject("Hi\r\nBcc: evil@x.org")),
                attack("LF in subject", "subject", m -> m.subject("Hi\nBcc: evil@x.org")),
                attack("CRLF in custom header", "header X-Tag", m -> m.header("X-Tag", "v\r\nBcc: evil@x.org")),
                attack("CRLF in address", "to", m -> m.to("a@x.org\r\nRCPT TO:<evil@x.org>")),
                attack("CRLF in display name", "to", m -> m.to("\"Evil\r\nBcc: x\" <a@x.org>")),
                attack(
                        "CRLF in attachment name",
                        "attachment name",
                        m -> m.attachment(Attachment.of("a\r\nBcc: x.pdf", "application/pdf", PDF))),
                attack(
                        "CVE-2025-7962 payload (U+560D U+560A)",
                        "to",
                        m -> m.to("a\u560d\u560aRCPT TO:<e@x.org>@x.org")),
                attack("quoted CRLF + space local part", "to", m -> m.to("\"a\r\n b\"@x.org")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mailCorpus")
    void mailIsRefusedBeforeTheServer(UnaryOperator<Mail.Builder> attack, String field) {
        Mail mail = attack.apply(
                        Mail.builder().to("ada@example.org").subject("ok").text("body"))
                .build();
        assertRefusedBeforeTheServer(() -> mailer.send(mail), field);
    }

    static Stream<Arguments> messageCorpus() {
        return Stream.of(
                message("CRLF in a header set on a MimeMessage", m -> m.setHeader("X-Tag", "v\r\nBcc: evil@x.org")),
                message(
                        "CVE-2025-7962 payload in a recipient",
                        m -> m.addRecipient(RecipientType.CC, unchecked("a\u560d\u560aDATA@x.org"))),
                message(
                        "CRLF in a display name on a MimeMessage",
                        m -> m.addRecipient(
                                RecipientType.TO,
                                new InternetAddress("a@x.org", "Evil\r\nBcc: x@evil.test", "US-ASCII"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageCorpus")
    void mimeMessageIsRefusedBeforeTheServer(Consumer<MimeMessage> attack) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("app@example.org");
        message.setRecipients(RecipientType.TO, "ada@example.org");
        message.setText("body");
        attack.accept(message);
        assertRefusedBeforeTheServer(() -> mailer.send(message), null);
    }

    @Test
    void validMailStillGoesThrough() {
        int before = server.commandCount("MAIL");
        mailer.send(
                Mail.builder().to("ada@example.org").subject("ok").text("body").build());
        assertThat(server.commandCount("MAIL")).isEqualTo(before + 1);
        assertThat(server.awaitMessages(1, Duration.ofSeconds(10))).isNotEmpty();
    }

    private static void assertRefusedBeforeTheServer(Runnable send, String field) {
        int connections = server.connectionCount();
        int mailFrom = server.commandCount("MAIL");
        int messages = server.messages().size();

        InvalidMailException e = catchThrowableOfType(InvalidMailException.class, send::run);

        assertThat(e).as("refused").isNotNull();
        if (field != null) {
            assertThat(e.field()).isEqualTo(field);
        }
        assertThat(e.getMessage()).doesNotContain("\r", "\n");
        assertThat(server.connectionCount()).as("connections").isEqualTo(connections);
        assertThat(server.commandCount("MAIL")).as("MAIL FROM").isEqualTo(mailFrom);
        assertThat(server.messages()).as("messages").hasSize(messages);
    }

    private static Arguments attack(String name, String field, UnaryOperator<Mail.Builder> attack) {
        return Arguments.of(Named.of(name, attack), field);
    }

    private static Arguments message(String name, MessageAttack attack) {
        Consumer<MimeMessage> consumer = m -> {
            try {
                attack.apply(m);
            } catch (MessagingException | UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        };
        return Arguments.of(Named.of(name, consumer));
    }

    /** An address as a caller could build it without parsing: Angus's constructor checks nothing. */
    private static InternetAddress unchecked(String address) {
        InternetAddress a = new InternetAddress();
        a.setAddress(address);
        return a;
    }

    @FunctionalInterface
    private interface MessageAttack {
        void apply(MimeMessage message) throws MessagingException, UnsupportedEncodingException;
    }
}

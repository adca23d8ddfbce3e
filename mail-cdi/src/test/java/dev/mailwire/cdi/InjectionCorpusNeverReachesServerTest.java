package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injection corpus ({@link HostileInput}) end to end through all three entry paths, against an in-process SMTP
 * server: {@code Mailer.send(Mail)}, {@code Mailer.send(MimeMessage)} and the bare JCA {@code MailConnection.send}.
 * Each attack throws {@link InvalidMailException} and the server never sees a MAIL FROM for it; through the mailer
 * the mail is refused before a connection is even borrowed. A valid mail afterwards goes through each path, so the
 * server was reachable, and arrives without an injected line.
 */
@Timeout(120)
class InjectionCorpusNeverReachesServerTest {

    private static final String JOERG = "j\u00f6rg@example.test";

    private static FakeSmtpServer server;
    private static TestConfig config;
    private static WeldContainer container;
    private static Mailer mailer;
    private static BareConnection bare;

    @BeforeAll
    static void start() {
        // SMTPUTF8 offered, so a UTF-8 mail is refused for its attack, not for the server's lack of SMTPUTF8.
        server = FakeSmtpServer.builder()
                .extensions("PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8")
                .start();
        config = TestConfig.use(FakeServerSettings.of("<default>", server));
        container = Containers.boot(DefaultMailerClient.class);
        mailer = container.select(DefaultMailerClient.class).get().mailer;
        bare = new BareConnection("bare", server);
    }

    @AfterAll
    static void stop() {
        bare.close();
        container.close();
        config.close();
        server.close();
    }

    static Stream<HostileInput.Attack> builderForms() {
        return HostileInput.corpus().stream().filter(a -> a.mail() != null);
    }

    static Stream<HostileInput.Attack> corpus() {
        return HostileInput.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builderForms")
    void mailBuilder(HostileInput.Attack attack) {
        Mail.Builder builder =
                Mail.builder().to("ada@example.org").subject("ok").text("body");
        Mail mail;
        try {
            mail = attack.mail().apply(builder).build();
        } catch (InvalidMailException refusedByTheBuilder) {
            return; // nothing was built, so nothing could be sent
        }
        assertRefusedBeforeTheServer(() -> mailer.send(mail), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void mailerSendMimeMessage(HostileInput.Attack attack) throws Exception {
        var message = HostileInput.message(attack.message());
        assertRefusedBeforeTheServer(() -> mailer.send(message), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void bareJcaConnection(HostileInput.Attack attack) throws Exception {
        var message = HostileInput.message(attack.message());
        // Getting a connection from the pool may connect, so only MAIL FROM and messages are counted here.
        assertRefusedBeforeTheServer(() -> bare.send(message), false);
    }

    static Stream<HostileInput.Attack> corpusInUtf8() {
        return corpus().filter(a -> !HostileInput.ONLY_IN_ASCII.contains(a.name()));
    }

    /** The builder forms in a mail to {@code jörg@example.test}, which is sent with SMTPUTF8. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("builderForms")
    void mailBuilderWithSmtpUtf8(HostileInput.Attack attack) {
        Mail.Builder builder = Mail.builder().to(JOERG).subject("ok").text("body");
        Mail mail;
        try {
            mail = attack.mail().apply(builder).build();
        } catch (InvalidMailException refusedByTheBuilder) {
            return;
        }
        assertRefusedBeforeTheServer(() -> mailer.send(mail), true);
    }

    /** The raw forms in a message written as UTF-8, through the mailer and the bare JCA connection. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusInUtf8")
    void mimeMessageWrittenAsUtf8(HostileInput.Attack attack) throws Exception {
        assertRefusedBeforeTheServer(() -> mailer.send(uncheckedUtf8(attack)), true);
        assertRefusedBeforeTheServer(() -> bare.send(uncheckedUtf8(attack)), false);
    }

    private static jakarta.mail.internet.MimeMessage uncheckedUtf8(HostileInput.Attack attack) {
        try {
            return HostileInput.utf8Message(attack.message());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validMailStillGoesThroughEachPath() throws Exception {
        int before = server.messages().size();
        mailer.send(
                Mail.builder().to("ada@example.org").subject("ok").text("body").build());
        mailer.send(HostileInput.message(null));
        bare.send(HostileInput.message(null));
        mailer.send(Mail.builder().to(JOERG).subject("ok").text("body").build());
        mailer.send(HostileInput.utf8Message(null));
        bare.send(HostileInput.utf8Message(null));

        List<ReceivedMessage> received = server.awaitMessages(before + 6, Duration.ofSeconds(10));
        assertThat(received).hasSize(before + 6);
        assertThat(received).allSatisfy(m -> assertThat(m.bareLineEndings()).isFalse());
        assertThat(received).allSatisfy(m -> assertThat(m.text()).doesNotContainIgnoringCase("evil"));
    }

    private static void assertRefusedBeforeTheServer(Runnable send, boolean noConnection) {
        int connections = server.connectionCount();
        int mailFrom = server.commandCount("MAIL");
        int messages = server.messages().size();

        InvalidMailException e = catchThrowableOfType(InvalidMailException.class, send::run);

        assertThat(server.messages().subList(messages, server.messages().size()))
                .as("messages")
                .isEmpty();
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\r", "\n", "MWJCA-217");
        assertThat(server.commandCount("MAIL")).as("MAIL FROM").isEqualTo(mailFrom);
        if (noConnection) {
            assertThat(server.connectionCount()).as("connections").isEqualTo(connections);
        }
    }
}

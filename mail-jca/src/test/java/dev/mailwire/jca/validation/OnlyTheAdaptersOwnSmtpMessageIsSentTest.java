package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.JcaMessages;
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Angus SMTPMessage from an application that bundles its own angus-mail is another class to the adapter, whose
 * transport would drop its envelope sender without a word: it is refused before a MAIL command, naming the fix. The
 * adapter's own SMTPMessage (and a subclass of it) still goes out with its envelope sender.
 */
@Timeout(30)
class OnlyTheAdaptersOwnSmtpMessageIsSentTest {

    private static final String BOUNCES = "bounces@example.org";

    @Test
    void anSmtpMessageOfABundledAngusIsRefusedBeforeAnyMailCommand() throws Exception {
        URL jar = angusMailJar();
        try (URLClassLoader application = new ChildFirstLoader(jar);
                FakeSmtpServer server = FakeSmtpServer.builder().start();
                BareConnection bare = new BareConnection(Messages.MAILER, server)) {
            Class<?> bundled = application.loadClass(SMTPMessage.class.getName());
            assertThat(bundled).isNotSameAs(SMTPMessage.class);
            MimeMessage message = withEnvelopeFrom(bundled);

            InvalidMailException e = catchThrowableOfType(InvalidMailException.class, () -> bare.send(message));

            assertThat(e).isNotNull();
            assertThat(e.field()).isEqualTo("message");
            assertThat(e.getMessage())
                    .startsWith(JcaMessages.FOREIGN_SMTP_MESSAGE.id() + " ")
                    .contains("the application bundles its own Angus Mail (" + SMTPMessage.class.getName()
                            + " from another class loader): remove angus-mail from the application")
                    .contains(jar.toString());
            assertThat(List.of(server.commandCount("MAIL"), server.commandCount("RCPT"), server.commandCount("DATA")))
                    .containsOnly(0);
            assertThat(server.messages()).isEmpty();
        }
    }

    @Test
    void theAdaptersOwnSmtpMessageIsSentWithItsEnvelopeSender() throws Exception {
        assertSentWithEnvelopeFrom(withEnvelopeFrom(SMTPMessage.class));
    }

    @Test
    void aSubclassOfTheAdaptersOwnSmtpMessageIsSentWithItsEnvelopeSender() throws Exception {
        SMTPMessage subclass = new SMTPMessage(Session.getInstance(new Properties())) {};
        fill(subclass);
        subclass.setEnvelopeFrom(BOUNCES);

        assertSentWithEnvelopeFrom(subclass);
    }

    private static void assertSentWithEnvelopeFrom(MimeMessage message) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                BareConnection bare = new BareConnection(Messages.MAILER, server)) {

            bare.send(message);

            List<ReceivedMessage> received = server.awaitMessages(1, Duration.ofSeconds(10));
            assertThat(received)
                    .singleElement()
                    .extracting(ReceivedMessage::from)
                    .isEqualTo(BOUNCES);
        }
    }

    /** An SMTPMessage of {@code type}, built through reflection so that the type may come from another loader. */
    private static MimeMessage withEnvelopeFrom(Class<?> type) throws Exception {
        MimeMessage message =
                (MimeMessage) type.getConstructor(Session.class).newInstance(Session.getInstance(new Properties()));
        fill(message);
        type.getMethod("setEnvelopeFrom", String.class).invoke(message, BOUNCES);
        return message;
    }

    private static void fill(MimeMessage message) throws Exception {
        message.setFrom(new InternetAddress("sender@example.org"));
        message.setRecipient(RecipientType.TO, new InternetAddress("ada@example.org"));
        message.setSubject("Hello", "UTF-8");
        message.setText("Hi Ada", "UTF-8");
    }

    /** The angus-mail jar the adapter's own SMTPMessage was loaded from. */
    private static URL angusMailJar() {
        URL jar = SMTPMessage.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(jar.getPath()).endsWith(".jar");
        return jar;
    }

    /**
     * An application's class loader that looks in its own library first, as a web module's loader with parent-last
     * delegation does (Liberty's {@code delegation="parentLast"}, Payara's {@code <class-loader delegate="false"/>}):
     * the classes of {@code jar} are its own, everything else (the Jakarta Mail API among it) comes from the parent.
     */
    private static final class ChildFirstLoader extends URLClassLoader {

        ChildFirstLoader(URL jar) {
            super("application", new URL[] {jar}, OnlyTheAdaptersOwnSmtpMessageIsSentTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    try {
                        type = findClass(name);
                    } catch (ClassNotFoundException notInTheJar) {
                        type = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}

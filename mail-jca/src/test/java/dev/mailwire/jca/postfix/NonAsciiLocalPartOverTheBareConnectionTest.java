package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bare JCA path ({@code MailConnection.send(MimeMessage)}) with a message the application wrote as UTF-8 to
 * {@code jörg@example.test}: delivered with SMTPUTF8 by a Postfix that offers it, and refused with MWJCA-217 before
 * MAIL FROM by one with {@code smtputf8_enable = no}, the connection staying usable for the next (ASCII) mail.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NonAsciiLocalPartOverTheBareConnectionTest {

    private static final String JOERG = "j\u00f6rg@example.test";

    @Test
    void deliveredWhenOffered() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                PostfixMailer mailer = new PostfixMailer(postfix, PoolSettings.builder())) {
            try (MailConnection c = mailer.connections.getConnection()) {
                SendResult r = c.send(utf8Message(postfix));
                assertThat(r.allDelivered()).as(r.toString()).isTrue();
            }
            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.header("To")).contains(JOERG);
            assertThat(delivered.header("Received").orElseThrow()).contains("with UTF8SMTPSA");
        }
    }

    @Test
    void refusedBeforeMailFromWhenNotOffered() throws Exception {
        try (PrivatePostfix postfix =
                PrivatePostfix.builder().set("smtputf8_enable", "no").start()) {
            try (PostfixMailer mailer =
                            new PostfixMailer(postfix, PoolSettings.builder().maxSize(1));
                    MailConnection c = mailer.connections.getConnection()) {
                InvalidMailException e =
                        catchThrowableOfType(InvalidMailException.class, () -> c.send(utf8Message(postfix)));
                assertThat(e).isNotNull();
                assertThat(e.getMessage()).contains("MWJCA-217", postfix.host() + ":" + postfix.port());

                SendResult ascii = c.send(PostfixMailer.message(postfix, postfix.address("ada"), "ascii"));
                assertThat(ascii.allDelivered()).as(ascii.toString()).isTrue();
            }
            List<SmtpSession> sessions = postfix.log().awaitEnded(1, Duration.ofSeconds(10));
            assertThat(sessions.stream().mapToInt(s -> s.succeeded("mail")).sum())
                    .isEqualTo(1);
            assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    private static MimeMessage utf8Message(PrivatePostfix postfix) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(postfix.address("sender")));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(JOERG));
        m.setSubject("international");
        m.setText("Hallo J\u00f6rg\n", "UTF-8");
        return m;
    }
}

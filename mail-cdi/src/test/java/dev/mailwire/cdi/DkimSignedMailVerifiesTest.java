package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail that Mailwire signs with an RSA and an Ed25519 key, delivered by a real Postfix, passes dkimpy (a verifier
 * nobody here wrote) reading the delivered Maildir file, for both signatures and for every shape of mail: text,
 * HTML with text, attachments, inline images, an 8-bit body, base64 bodies and long folded headers.
 */
@Timeout(120)
class DkimSignedMailVerifiesTest {

    @TempDir
    static Path keysDir;

    private static PrivatePostfix postfix;
    private static DkimTestKeys keys;
    private static TestConfig config;
    private static WeldContainer container;
    private static Mailer mailer;

    @BeforeAll
    static void start() {
        postfix = PrivatePostfix.builder().user("app", "app-secret").start();
        keys = DkimTestKeys.generate(postfix.domain(), keysDir);
        config = TestConfig.use(keys.signWithBoth(ServerSettings.of("<default>", postfix, "app")));
        container = Containers.boot(DefaultMailerClient.class);
        mailer = container.select(DefaultMailerClient.class).get().mailer;
    }

    @AfterAll
    static void stop() {
        container.close();
        config.close();
        postfix.close();
    }

    @Test
    void plainText() {
        assertVerifies(b -> b.subject("text").text("Hello Ada,\n\nyour order is on its way.  \n\n\n"));
    }

    @Test
    void htmlWithText() {
        assertVerifies(b -> b.subject("html").text("Hello Ada").html("<p>Hello <b>Ada</b></p>\n"));
    }

    @Test
    void attachmentsInBase64() {
        byte[] pdf = new byte[40_000];
        new Random(7).nextBytes(pdf);
        assertVerifies(b -> b.subject("attachment")
                .text("The invoice is attached.")
                .attachment(Attachment.of("invoice.pdf", "application/pdf", pdf))
                .attachment(Attachment.of("notes.txt", "text/plain", "a\nb\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void inlineImage() {
        byte[] png = new byte[3000];
        new Random(11).nextBytes(png);
        assertVerifies(b -> b.subject("inline")
                .text("logo")
                .html("<p><img src=\"cid:logo\"> Hello</p>")
                .inline("logo", Attachment.of("logo.png", "image/png", png)));
    }

    @Test
    void longFoldedHeadersAndNonAsciiText() {
        String longSubject = "Grüße aus Köln — " + "a rather long subject that has to be folded ".repeat(6);
        assertVerifies(b -> b.subject(longSubject)
                .header("X-Campaign", "spring ".repeat(60).strip())
                .text("Straße, Ölfeld, 日本語 — mostly not ASCII: ÄÖÜäöüß".repeat(20)));
    }

    @Test
    void eightBitBodyOfAnApplicationMessage() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(postfix.address("app")));
        message.setRecipients(MimeMessage.RecipientType.TO, postfix.address("ada"));
        message.setSubject("8bit");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Grüße, Jörg!\r\nZweite Zeile.\r\n", "UTF-8");
        text.setHeader("Content-Transfer-Encoding", "8bit");
        message.setContent(new MimeMultipart(text));
        message.saveChanges();
        postfix.clearMaildir();

        SendResult result = mailer.send(message);

        DeliveredMessage delivered =
                postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
        assertThat(delivered.text()).contains("Grüße, Jörg!");
        assertThat(delivered.messageId()).contains(result.messageId());
        assertBothPass(delivered);
    }

    private static void assertVerifies(Function<Mail.Builder, Mail.Builder> shape) {
        postfix.clearMaildir();
        Mail mail = shape.apply(Mail.builder().to(postfix.address("ada"))).build();

        SendResult result = mailer.send(mail);

        DeliveredMessage delivered =
                postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
        assertThat(delivered.messageId()).contains(result.messageId());
        assertBothPass(delivered);
    }

    private static void assertBothPass(DeliveredMessage delivered) {
        DkimVerifier.Result verdict = keys.verifier().verify(delivered.file());
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
        assertThat(verdict.passedWith("rsa-sha256")).hasSize(1);
        assertThat(verdict.passedWith("ed25519-sha256")).hasSize(1);
        List<String> signatures = delivered.headers("DKIM-Signature");
        assertThat(signatures)
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.replaceAll("\\s", ""))
                        .contains("c=relaxed/relaxed")
                        .contains("d=" + keys.domain())
                        .contains("h=from:from:"));
    }
}

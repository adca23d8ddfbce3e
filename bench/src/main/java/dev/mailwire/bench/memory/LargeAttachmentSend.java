package dev.mailwire.bench.memory;

import dev.mailwire.SendResult;
import dev.mailwire.bench.clients.MailwireContainer;
import dev.mailwire.bench.clients.MailwireJca;
import dev.mailwire.bench.server.Target;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * P5, in a JVM of its own started with {@code -Xmx64m}: sends one large file as an attachment through Mailwire
 * ({@code cdi}: {@code @Inject Mailer} with {@code Attachment.of(Path)}; {@code jca}: a {@code MimeMessage} with a
 * file part through a pooled {@code MailConnection}) and prints one {@code RESULT} line for the parent to read.
 */
public final class LargeAttachmentSend {

    /** Above the 100 MB file's base64 size; Mailwire's default max-message-size is 25 MB. */
    static final String MAX_MESSAGE_SIZE = "300000000";

    private LargeAttachmentSend() {}

    /** Arguments: mode, file, then the target: host port trust-store password type user password. */
    public static void main(String[] args) {
        String mode = args[0];
        Path file = Path.of(args[1]);
        Target t = Target.fromArguments("p5", args, 2);
        long start = System.nanoTime();
        try {
            String id = mode.equals("cdi") ? viaCdi(t, file) : viaJca(t, file);
            System.out.println(result("ok", start, id));
        } catch (Throwable e) {
            System.out.println(result("failed", start, e.toString().replace('\n', ' ')));
            System.exit(1);
        }
        System.exit(0);
    }

    private static String viaCdi(Target t, Path file) {
        Map<String, String> config = new java.util.HashMap<>(MailwireContainer.properties(t, "mailwire.mailer.", 1));
        config.put("mailwire.mailer.max-message-size", MAX_MESSAGE_SIZE);
        try (MailwireContainer c = MailwireContainer.boot(config, AttachmentSender.class)) {
            SendResult r = c.bean(AttachmentSender.class).send(file);
            if (!r.allDelivered()) {
                throw new IllegalStateException("not delivered: " + r);
            }
            return r.messageId();
        }
    }

    private static String viaJca(Target t, Path file) throws Exception {
        MailManagedConnectionFactory mcf = MailwireJca.configure(t);
        try (EmbeddedConnectionManager pool = new EmbeddedConnectionManager(
                mcf, PoolSettings.builder().mailer("bench").maxSize(1).build())) {
            MailConnectionFactory factory = (MailConnectionFactory) mcf.createConnectionFactory(pool);
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("bench@example.test"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("sink@example.test"));
            m.setSubject("100 MB attachment");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("The attachment is streamed from the file.");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.attachFile(file.toFile(), "application/octet-stream", "base64");
            m.setContent(new MimeMultipart(text, attachment));
            try (MailConnection connection = factory.getConnection()) {
                return connection.send(m).messageId();
            }
        } finally {
            mcf.close();
        }
    }

    private static String result(String status, long start, String detail) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(
                java.util.Locale.ROOT,
                "RESULT %s %.2f %d %d %s",
                status,
                (System.nanoTime() - start) / 1e9,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                detail);
    }
}

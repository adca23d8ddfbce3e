package dev.mailwire.cdi.tx;

import dev.mailwire.Attachment;
import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import io.agroal.api.AgroalDataSource;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A node with a small heap ({@link LargeAttachmentInTransactionTest} starts it with {@code -Xmx64m}) that sends one
 * mail with a {@code node.attachment-bytes} single-use attachment inside a transaction and prints what became of it:
 * {@code COMMITTED <Message-ID>} then {@code DELIVERED}, or {@code REFUSED <field>} (the send threw before commit),
 * with {@code ROWS <n>} (outbox rows after it), or {@code OUT OF MEMORY}.
 *
 * <p>Arguments: a properties file with the {@code mailwire.*} settings and {@code node.jdbc-url},
 * {@code node.attachment-bytes}, {@code node.to}.
 */
public final class LargeAttachmentNode {

    private LargeAttachmentNode() {}

    public static void main(String[] args) throws Exception {
        NodeSettings node = NodeSettings.read(args[0]);
        Properties p = node.properties();
        AgroalDataSource dataSource = Databases.pool(p.getProperty("node.jdbc-url"), "sa");
        OutboxDataSource.current = dataSource;
        try (TestConfig config = TestConfig.use(node.mailwire());
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);
            long bytes = Long.parseLong(p.getProperty("node.attachment-bytes"));
            Mail mail = Mail.builder()
                    .to(p.getProperty("node.to"))
                    .subject("large")
                    .text("see the attachment")
                    .attachment(Attachment.ofSingleUse("large.bin", "application/octet-stream", new Generated(bytes)))
                    .build();
            try {
                SendResult held = Jta.inTransaction(() -> mailer.send(mail));
                print("COMMITTED " + held.messageId());
                MailOutcome outcome = TxContainers.outcomes(container)
                        .await(1, Duration.ofMinutes(2))
                        .get(0);
                print(outcome.delivered() ? "DELIVERED" : "NOT DELIVERED " + outcome);
            } catch (InvalidMailException e) {
                print("REFUSED " + e.field());
                System.err.println(e.getMessage());
            } catch (OutOfMemoryError e) {
                print("OUT OF MEMORY");
            }
            print("ROWS " + Databases.count(dataSource, "SELECT COUNT(*) FROM mailwire_outbox"));
        } catch (OutOfMemoryError e) {
            print("OUT OF MEMORY");
        } finally {
            dataSource.close();
        }
        System.exit(0);
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** {@code size} bytes made up as they are read: nothing of it is ever held. */
    private static final class Generated extends InputStream {
        private long left;

        Generated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? (int) (left * 31 & 0xff) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((left - i) * 31);
            }
            left -= n;
            return n;
        }
    }
}

package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, finding 6: {@code mail.smtp.chunksize} makes Angus send the content with BDAT, a path the retry stage
 * tracking never sees. A server that takes the content and drops the connection before its reply then made the
 * adapter resend on a fresh connection and report DELIVERED: two copies. The pass-through refuses the key, naming it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChunkSizePassThroughIsRefusedTest {

    @Test
    void chunkingIsRefusedSoATakenMailIsNeverSentTwice() throws Exception {
        try (BdatServer server = new BdatServer(2)) {
            MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
            mcf.setMailerName("bdat");
            mcf.setHost("127.0.0.1");
            mcf.setPort(server.port());
            mcf.setTls("NONE");
            mcf.setReadTimeout("PT2S");
            mcf.setSessionProperties("mail.smtp.chunksize=4096");

            Throwable thrown = catchThrowable(() -> {
                EmbeddedConnectionManager pool = new EmbeddedConnectionManager(
                        mcf, PoolSettings.builder().mailer("bdat").maxSize(1).build());
                try {
                    MailConnectionFactory connections = (MailConnectionFactory) mcf.createConnectionFactory(pool);
                    for (String text : new String[] {"first mail", "second mail"}) {
                        try (MailConnection c = connections.getConnection()) {
                            c.send(FakeServerMailer.message(text));
                        }
                    }
                } finally {
                    pool.close();
                    mcf.close();
                }
            });

            assertThat(server.messages.stream().filter(m -> m.contains("second mail")))
                    .as("copies of the second mail the server took")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(thrown)
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'session.mail.smtp.chunksize'")
                    .hasMessageContaining("BDAT");
        }
    }
}

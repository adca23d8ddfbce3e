package dev.mailwire.bench.clients.raw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.BenchServers;
import dev.mailwire.bench.server.Target;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The raw client's BDAT modes (issue 12) measure real mail: over STARTTLS and AUTH, Postfix takes each message from
 * {@code BDAT <n> LAST} with the length the client announced and delivers it whole, one after the other on one
 * session, and logs no improper pipelining (BDAT with the envelope pipelines it behind RCPT). A wrong length would
 * leave Postfix waiting for bytes or reading the rest of the content as commands.
 */
@Timeout(120)
class BdatSendsReachPostfixWholeTest {

    private static final int SENDS = 3;

    @ParameterizedTest
    @EnumSource(
            value = RawSmtpClient.Mode.class,
            names = {"BDAT_AFTER_RCPT", "BDAT_WITH_ENVELOPE"})
    void everyMessageIsDeliveredWithItsBody(RawSmtpClient.Mode mode) throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start()) {
            Target target = BenchServers.target("postfix", "Postfix", postfix);
            Payload payload = Payload.of("1 KB", 1024);

            try (RawSmtpClient client = new RawSmtpClient(target, payload, 1, mode)) {
                for (int i = 0; i < SENDS; i++) {
                    client.send(0);
                }
            }

            List<DeliveredMessage> delivered = postfix.awaitDelivered(SENDS, Duration.ofSeconds(30));
            assertThat(delivered).hasSize(SENDS);
            String body = payload.body().replace("\r\n", "\n");
            assertThat(delivered).allSatisfy(m -> {
                assertThat(m.subject()).contains(payload.subject());
                assertThat(m.body()).isEqualTo(body);
            });
            assertThat(postfix.log().lines()).noneMatch(l -> l.contains("improper command pipelining"));
        }
    }
}

package dev.mailwire.bench.clients.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.bench.harness.Harness;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.server.BenchServers;
import dev.mailwire.bench.server.Target;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "BDAT with the envelope" sends the content before any RCPT is answered. When Postfix refuses every recipient it
 * answers that BDAT with 554 and drops the content: the raw client must fail such a send, never count it as sent,
 * so a scenario whose BDATs are refused shows as failed in the report (and fails the run) instead of a fast rate.
 */
@Timeout(120)
class BdatRefusedForEveryRecipientFailsTheSendTest {

    @Test
    void the554ToBdatFailsTheSendAndTheScenarioSendsNothing() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start()) {
            Target target = BenchServers.target("postfix", "Postfix", postfix);
            Payload base = Payload.of("1 KB", 1024);
            // Postfix's test configuration refuses rejected@ with 550.
            Payload refused = new Payload(
                    base.label(), base.bytes(), base.subject(), base.from(), postfix.address("rejected"), base.body());

            try (RawSmtpClient client = new RawSmtpClient(target, refused, 1, RawSmtpClient.Mode.BDAT_WITH_ENVELOPE)) {
                assertThatThrownBy(() -> client.send(0))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("after RCPT: expected 2xx, got: 550")
                        .hasMessageContaining("after BDAT LAST: expected 2xx, got: 554");
            }

            Scenario s = new Scenario("raw socket, BDAT with the envelope", target, refused, 1, timing());
            try (RawSmtpClient client = new RawSmtpClient(target, refused, 1, RawSmtpClient.Mode.BDAT_WITH_ENVELOPE)) {
                List<Measurement> measured = new Harness(new PrintStream(OutputStream.nullOutputStream()))
                        .measureTogether(List.of(new Harness.Entry(s, client, () -> {}, () -> {})), () -> {});
                assertThat(measured.get(0).messages()).isZero();
                assertThat(measured.get(0).error()).contains("554");
            }
            assertThat(postfix.delivered()).isEmpty();
        }
    }

    private static Timing timing() {
        return new Timing(Duration.ofMillis(200), Duration.ofMillis(200), 1);
    }
}

package dev.mailwire.cdi.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.MailRejectedException;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.Containers;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.internal.telemetry.deployment.FakeServer;
import dev.mailwire.cdi.internal.telemetry.deployment.InMemoryOtel;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each send is one client span with the mailer, the server and the deciding reply code; a refused send is marked as
 * an error by reply class. No attribute holds an address, a subject or a credential.
 */
@Timeout(60)
class SpanPerSendCarriesNoAddressTest {

    @Test
    void spansNameTheServerNotThePeople() {
        FakeSmtpServer server = FakeSmtpServer.builder()
                .behaviour(Faults.rcpt("gone@example.org", 550, "5.1.1 no such user"))
                .start();
        try (server;
                TestConfig c = TestConfig.use(FakeServer.settings(server));
                WeldContainer container = Containers.boot(InMemoryOtel.class)) {
            Mailer mailer = container.select(Mailers.class).get().mailer("<default>");
            mailer.send(Mail.builder()
                    .to("ada@example.org")
                    .subject("Secret plans")
                    .text("t")
                    .build());
            assertThatThrownBy(() -> mailer.send(Mail.builder()
                            .to("gone@example.org")
                            .subject("Secret plans")
                            .text("t")
                            .build()))
                    .isInstanceOf(MailRejectedException.class);

            List<SpanData> spans = InMemoryOtel.spans.getFinishedSpanItems();
            assertThat(spans).hasSize(2);
            SpanData ok = spans.get(0);
            assertThat(ok.getName()).isEqualTo(TelemetryNames.SPAN_SEND);
            assertThat(ok.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(ok.getAttributes().get(AttributeKey.stringKey(TelemetryNames.MAILER)))
                    .isEqualTo("<default>");
            assertThat(ok.getAttributes().get(AttributeKey.stringKey(TelemetryNames.SERVER_ADDRESS)))
                    .isEqualTo(server.host());
            assertThat(ok.getAttributes().get(AttributeKey.longKey(TelemetryNames.SERVER_PORT)))
                    .isEqualTo(server.port());
            assertThat(ok.getAttributes().get(AttributeKey.longKey(TelemetryNames.REPLY_CODE)))
                    .isEqualTo(250L);
            assertThat(ok.getEndEpochNanos()).isGreaterThan(ok.getStartEpochNanos());

            SpanData refused = spans.get(1);
            assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(refused.getAttributes().get(AttributeKey.longKey(TelemetryNames.REPLY_CODE)))
                    .isEqualTo(550L);
            assertThat(refused.getAttributes().get(AttributeKey.stringKey(TelemetryNames.REPLY_CLASS)))
                    .isEqualTo("5xx");

            String all = spans.toString();
            assertThat(all).doesNotContain("@example.org", "Secret plans", "app-secret", "username");
        }
    }
}

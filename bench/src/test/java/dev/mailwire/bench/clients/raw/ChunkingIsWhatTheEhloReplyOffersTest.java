package dev.mailwire.bench.clients.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.BenchServers;
import dev.mailwire.bench.server.SmtpSink;
import dev.mailwire.bench.server.Target;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench plans its BDAT scenarios, and the report writes "not offered", from the servers' EHLO replies: Postfix
 * (3.4 on) offers CHUNKING after STARTTLS, smtp-sink does not. A BDAT client cannot be opened against a server that
 * does not offer it, so no scenario can send BDAT to a server that would refuse it.
 */
@Timeout(120)
class ChunkingIsWhatTheEhloReplyOffersTest {

    @TempDir
    Path work;

    @Test
    void postfixOffersItAndSmtpSinkDoesNot() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                SmtpSink sink = SmtpSink.start(work.resolve("smtp-sink.log"))) {
            Target postfixTarget = BenchServers.target("postfix", "Postfix", postfix);
            Target sinkTarget = Target.plain("plain-sink", "smtp-sink", sink.port());

            assertThat(RawSmtpClient.offers(postfixTarget, RawSmtpClient.CHUNKING))
                    .isTrue();
            assertThat(RawSmtpClient.offers(sinkTarget, RawSmtpClient.CHUNKING)).isFalse();
            assertThat(RawSmtpClient.offers(sinkTarget, "PIPELINING")).isTrue();
            assertThatThrownBy(() -> new RawSmtpClient(
                            sinkTarget, Payload.of("1 KB", 1024), 1, RawSmtpClient.Mode.BDAT_AFTER_RCPT))
                    .isInstanceOf(IOException.class)
                    .hasMessage("plain-sink does not offer CHUNKING (RFC 3030)");
        }
    }
}

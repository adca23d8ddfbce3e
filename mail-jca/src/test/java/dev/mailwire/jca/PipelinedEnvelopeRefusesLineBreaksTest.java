package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipelined envelope writer keeps the guarantee of Angus's own command writer: a command with a line break
 * (which would smuggle a command of its own) is refused, and nothing of the envelope reaches the wire. A clean
 * envelope goes out as one write, each command ended by CRLF.
 */
class PipelinedEnvelopeRefusesLineBreaksTest {

    @Test
    void aLineBreakAnywhereWritesNothing() {
        CountingStream out = new CountingStream();

        assertThatThrownBy(() -> EnvelopePipeline.write(
                        List.of("MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>\r\nRSET", "DATA"),
                        out,
                        StandardCharsets.ISO_8859_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MWJCA-135");
        assertThat(out.size()).isZero();
        assertThat(out.writes).isZero();
    }

    @Test
    void aCleanEnvelopeIsOneWrite() throws Exception {
        CountingStream out = new CountingStream();

        EnvelopePipeline.write(
                List.of("MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>", "DATA"),
                out,
                StandardCharsets.ISO_8859_1);

        assertThat(out.writes).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.ISO_8859_1))
                .isEqualTo("MAIL FROM:<a@example.test>\r\nRCPT TO:<b@example.test>\r\nDATA\r\n");
    }

    /** Counts the write calls that reach it. */
    private static final class CountingStream extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }
    }
}

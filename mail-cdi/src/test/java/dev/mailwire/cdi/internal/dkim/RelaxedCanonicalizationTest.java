package dev.mailwire.cdi.internal.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/**
 * The relaxed canonicalization gives RFC 6376's own example (§3.4.5), and an empty body and a body of empty lines
 * hash as nothing (erratum 3871, as dkimpy and OpenDKIM do).
 */
class RelaxedCanonicalizationTest {

    @Test
    void rfc6376Example() throws Exception {
        assertThat(Relaxed.header("A: X", false)).isEqualTo("a:X\r\n");
        assertThat(Relaxed.header("B : Y\t\r\n\tZ  ", false)).isEqualTo("b:Y Z\r\n");
        assertThat(bodyOf(" C \r\nD \t E\r\n\r\n\r\n")).isEqualTo(sha256(" C\r\nD E\r\n"));
    }

    @Test
    void emptyBodyHashesAsNothing() throws Exception {
        assertThat(bodyOf("")).isEqualTo(sha256(""));
        assertThat(bodyOf("\r\n\r\n")).isEqualTo(sha256(""));
    }

    @Test
    void lastLineWithoutLineEndGetsOne() throws Exception {
        assertThat(bodyOf("a  b\t")).isEqualTo(sha256("a b\r\n"));
    }

    private static byte[] bodyOf(String body) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Relaxed.body(body.getBytes(StandardCharsets.US_ASCII), 0, digest);
        return digest.digest();
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    }
}

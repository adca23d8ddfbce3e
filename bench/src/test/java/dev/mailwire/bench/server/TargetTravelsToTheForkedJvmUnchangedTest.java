package dev.mailwire.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The P4 and P5 children read their server from their command line: what the parent writes after its own arguments
 * comes back as the same server, under the child's key, whichever of the seven fields a mix-up would swap.
 */
class TargetTravelsToTheForkedJvmUnchangedTest {

    @Test
    void everyFieldComesBackFromTheArguments() {
        Target sink = new Target(
                "tls",
                "TLS sink",
                "127.0.0.2",
                2525,
                true,
                "bench",
                "bench-pw",
                Path.of("/tmp/trust.p12"),
                "changeit",
                "PKCS12");

        String[] args = sink.asArgumentsAfter("cdi", "/tmp/file").toArray(String[]::new);

        assertThat(args).startsWith("cdi", "/tmp/file").hasSize(9);
        Target back = Target.fromArguments("p5", args, 2);
        assertThat(back)
                .usingRecursiveComparison()
                .ignoringFields("key", "label")
                .isEqualTo(sink);
        assertThat(back.key()).isEqualTo("p5");
        assertThat(back.label()).isEqualTo("p5");
    }
}

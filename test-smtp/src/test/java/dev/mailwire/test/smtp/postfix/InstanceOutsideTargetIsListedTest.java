package dev.mailwire.test.smtp.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance made outside the module's {@code target/} is named in {@code target/mailwire-postfix-instances.list},
 * where the whole-build secrets audit finds its maillog; one inside {@code target/} is not (the audit finds it there).
 */
class InstanceOutsideTargetIsListedTest {

    @TempDir
    Path outside;

    @Test
    void onlyInstancesOutsideTargetAreListed() throws IOException {
        Path list = Path.of("target", OutsideInstances.LIST).toAbsolutePath();
        try (PrivatePostfix elsewhere = PrivatePostfix.builder()
                        .baseDirectory(outside)
                        .deleteOnClose(true)
                        .build();
                PrivatePostfix inTarget = PrivatePostfix.builder()
                        .baseDirectory(Path.of("target", "listed-test"))
                        .deleteOnClose(true)
                        .build()) {
            String listed = Files.readString(list);
            assertThat(listed.lines()).anyMatch(line -> Path.of(line).startsWith(outside.toAbsolutePath()));
            assertThat(listed)
                    .doesNotContain(
                            Path.of("target", "listed-test").toAbsolutePath().toString());
        }
    }
}

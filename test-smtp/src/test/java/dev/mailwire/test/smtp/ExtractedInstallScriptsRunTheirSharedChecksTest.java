package dev.mailwire.test.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both install scripts, written out of the jar as the tests' first start does, source debian-packages.sh from
 * beside them and stop there: at once when dpkg lists every package, and naming the missing ones when we are not
 * root. {@code dpkg-query} and {@code id} are stubs first on PATH, so nothing is installed and root is not needed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExtractedInstallScriptsRunTheirSharedChecksTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "postfix, install-postfix.sh, install-postfix: already installed: postfix sasl2-bin libsasl2-modules"
                + " dovecot-core",
        "dkim, install-dkim-verifier.sh, install-dkim-verifier: already installed: python3-dkim python3-nacl"
    })
    void everyPackageInstalledEndsAtOnce(String owner, String script, String said) throws Exception {
        Result r = run(owner, script, "echo 'install ok installed'", "echo 0");

        assertThat(r.exit()).isZero();
        assertThat(r.output()).isEqualTo(said);
    }

    @ParameterizedTest
    @CsvSource({
        "postfix, install-postfix.sh, install-postfix: must run as root to install: postfix sasl2-bin"
                + " libsasl2-modules dovecot-core",
        "dkim, install-dkim-verifier.sh, install-dkim-verifier: must run as root to install: python3-dkim python3-nacl"
    })
    void missingPackagesWithoutRootAreNamed(String owner, String script, String said) throws Exception {
        Result r = run(owner, script, "exit 1", "echo 1000");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).isEqualTo(said);
    }

    private record Result(int exit, String output) {}

    private Result run(String owner, String script, String dpkgQuery, String id) throws Exception {
        Path stubs = Files.createDirectory(dir.resolve("stubs"));
        stub(stubs, "dpkg-query", dpkgQuery);
        stub(stubs, "id", id);
        Path scripts = Files.createDirectory(dir.resolve("scripts"));
        Class<?> ownerClass = owner.equals("postfix") ? PrivatePostfix.class : DkimVerifier.class;
        Path extracted = InstallScripts.extract(ownerClass, script, scripts);

        ProcessBuilder builder = new ProcessBuilder("sh", extracted.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", stubs + ":" + builder.environment().get("PATH"));
        Process p = builder.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the script ended").isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    private static void stub(Path dir, String command, String body) throws IOException {
        Path file = dir.resolve(command);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package dev.mailwire.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.postfix.OutsideInstances;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private Postfix that a module ran outside its target/ (under the temp directory, when target/ is too long a path
 * for Postfix's sockets) is read through the module's list of such instances: a secret in its maillog is reported
 * with the maillog's absolute path; a listed instance deleted since is skipped; an unlisted one is never read.
 */
class PostfixOutsideTargetIsReadThroughItsListTest {

    private static final String PASSWORD = "outside-Pw-61zq";

    @TempDir
    Path root;

    @TempDir
    Path tmp;

    @Test
    void listedMaillogsAreScanned() {
        Tree t = new Tree(root);
        t.write("mod/src/test/java/A.java", "static final String PASSWORD = \"" + PASSWORD + "\";");
        Path listed = new Tree(tmp).write("mailwire-postfix/postfix-1-1/maillog", "ok", "smtpd: " + PASSWORD);
        new Tree(tmp).write("mailwire-postfix/postfix-2-2/maillog", "another build's: " + PASSWORD);
        t.write(
                "mod/target/" + OutsideInstances.LIST,
                tmp.resolve("mailwire-postfix/postfix-1-1").toString(),
                tmp.resolve("mailwire-postfix/postfix-gone").toString());

        SecretsAudit audit = new SecretsAudit(ConfiguredSecrets.of(root, List.of()));
        List<Finding> findings = audit.scan(root, CapturedOutput.under(root, null));

        assertThat(findings)
                .extracting(Finding::toString)
                .containsExactly(listed + ":2: secret from mod/src/test/java/A.java:1");
    }
}

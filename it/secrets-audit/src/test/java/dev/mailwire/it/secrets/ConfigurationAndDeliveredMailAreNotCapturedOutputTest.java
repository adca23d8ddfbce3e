package dev.mailwire.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a test wrote as a server's configuration (realm JSON, Postfix's main.cf, a server.xml) holds secrets by design,
 * and delivered mail holds what the test put in it: neither is output an operator reads, so neither fails the build;
 * nor does a directory the audit is told to skip (its own module's tests, which plant fakes). Source trees are never
 * output.
 */
class ConfigurationAndDeliveredMailAreNotCapturedOutputTest {

    private static final String SECRET = "config-only-secret-5k";

    @TempDir
    Path root;

    @Test
    void onlyCapturedOutputIsScanned() {
        Tree t = new Tree(root);
        t.write("test-smtp/src/test/java/Realm.java", "static final String CLIENT_SECRET = \"" + SECRET + "\";");
        t.write("target/oauth-stack/import/mail-realm.json", "{ \"secret\": \"" + SECRET + "\" }");
        t.write("mod/target/mailwire-postfix/postfix-1-1/conf/main.cf", "smtp_sasl_password = " + SECRET);
        t.write("it/liberty/target/liberty/wlp/usr/servers/mailwire/server.xml", "<x p=\"" + SECRET + "\"/>");
        t.dir("mod/target/mailwire-postfix/postfix-1-1/mail/inbox/cur");
        t.write("mod/target/mailwire-postfix/postfix-1-1/mail/inbox/new/1.V1.host", "Subject: " + SECRET);
        t.write("audit/target/surefire-reports/Planted-output.txt", SECRET);
        t.write("mod/src/test/resources/expected.log", SECRET);
        t.write("target/oauth-stack/keycloak-26.7.3/conf/README.md", SECRET); // a distribution's, not a report
        t.write("mod/target/surefire-reports/dev.x.CleanTest-output.txt", "FINE: AUTH XOAUTH2 succeeded");

        assertThat(CapturedOutput.under(root, root.resolve("audit/target")))
                .extracting(p -> root.relativize(p).toString())
                .containsExactly("mod/target/surefire-reports/dev.x.CleanTest-output.txt");
        assertThatCode(() -> SecretsAudit.main(new String[] {
                    root.toString(), root.resolve("audit/target").toString()
                }))
                .doesNotThrowAnyException();
    }
}

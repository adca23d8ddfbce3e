package dev.mailwire.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret from the tree's test files, a JWT and an XOAUTH2 response planted in each kind of file the build captures
 * (surefire and failsafe output and reports, WildFly's, Payara's and Liberty's logs and Liberty's FFDC exception
 * dumps, Postfix's, Dovecot's and Keycloak's logs) are each reported with the file, the line and the kind; the build fails, and its message never holds
 * the secret.
 */
class PlantedSecretIsFoundInEachKindOfCapturedFileTest {

    private static final String PASSWORD = "planted-Pw-93kd";
    private static final String CLIENT_SECRET = "planted-client-7xq2";
    private static final String JWT =
            "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJ0eXAiOiJSZWZyZXNoIn0.c2lnbmF0dXJlLXZhbHVl";

    @TempDir
    Path root;

    @Test
    void eachPlantIsReportedWithFileLineAndKind() {
        Tree t = new Tree(root);
        t.write(
                "mod/src/test/java/dev/x/Creds.java",
                "class Creds {",
                "  static final String PASSWORD = \"" + PASSWORD + "\";",
                "}");
        t.write("lib/src/test/resources/realm.json", "{ \"clientId\": \"c\", \"secret\": \"" + CLIENT_SECRET + "\" }");
        String plain = b64("\0ada\0" + PASSWORD); // 5 bytes before it: not at a Base64 boundary
        String xoauth2 = b64("user=app@example.test\u0001auth=Bearer opaque-token\u0001\u0001");
        List<Path> plants = List.of(
                t.write("mod/target/surefire-reports/dev.x.SomeTest-output.txt", "ok", "FINE: AUTH PLAIN " + plain),
                t.write(
                        "mod/target/surefire-reports/TEST-dev.x.SomeTest.xml",
                        "<testcase/>",
                        "<failure>expected " + JWT),
                t.write(
                        "it/wildfly/target/failsafe-reports/dev.x.SomeIT-output.txt",
                        "x",
                        "y",
                        "secret=" + CLIENT_SECRET),
                t.write("it/wildfly/target/wildfly-39.0.1.Final/standalone/log/server.log", "DEBUG C: " + xoauth2),
                t.write("it/payara/target/payara6/glassfish/domains/domain1/logs/server.log", "[#|" + PASSWORD + "|#]"),
                t.write("it/liberty/target/liberty/wlp/usr/servers/mailwire/logs/messages.log", "Bearer " + JWT),
                t.write("it/liberty/target/liberty/wlp/usr/servers/mailwire/logs/trace.log", "", "p=" + b64(PASSWORD)),
                t.write(
                        "it/liberty/target/liberty/wlp/usr/servers/mailwire/logs/ffdc/ffdc_26.12.06_1.txt",
                        "Exception = jakarta.resource.ResourceException",
                        "Stack Dump = refused " + CLIENT_SECRET),
                t.write("mod/target/mailwire-postfix/postfix-1-1/maillog", "smtpd: " + b64(CLIENT_SECRET)),
                t.write("target/oauth-stack/dovecot-18587/dovecot.log", "auth: token " + JWT),
                t.write("target/oauth-stack/keycloak-18180.log", "refresh_token=" + JWT),
                t.write("it/reliability/target/reliability.md", "| figure |", "| leaked | " + PASSWORD + " |"));

        SecretsAudit audit = new SecretsAudit(ConfiguredSecrets.of(root, List.of()));
        List<Finding> findings = audit.scan(root, CapturedOutput.under(root, null));

        assertThat(findings)
                .extracting(f -> f.file().toString() + ":" + f.line())
                .containsExactlyInAnyOrder(
                        "mod/target/surefire-reports/dev.x.SomeTest-output.txt:2",
                        "mod/target/surefire-reports/TEST-dev.x.SomeTest.xml:2",
                        "it/wildfly/target/failsafe-reports/dev.x.SomeIT-output.txt:3",
                        "it/wildfly/target/wildfly-39.0.1.Final/standalone/log/server.log:1",
                        "it/payara/target/payara6/glassfish/domains/domain1/logs/server.log:1",
                        "it/liberty/target/liberty/wlp/usr/servers/mailwire/logs/messages.log:1",
                        "it/liberty/target/liberty/wlp/usr/servers/mailwire/logs/trace.log:2",
                        "it/liberty/target/liberty/wlp/usr/servers/mailwire/logs/ffdc/ffdc_26.12.06_1.txt:2",
                        "mod/target/mailwire-postfix/postfix-1-1/maillog:1",
                        "target/oauth-stack/dovecot-18587/dovecot.log:1",
                        "target/oauth-stack/keycloak-18180.log:1",
                        "it/reliability/target/reliability.md:2");
        assertThat(plants).hasSize(findings.size());
        assertThat(kindAt(findings, "SomeTest-output.txt"))
                .isEqualTo("secret from mod/src/test/java/dev/x/Creds.java:2 (inside Base64)");
        assertThat(kindAt(findings, "SomeIT-output.txt")).isEqualTo("secret from lib/src/test/resources/realm.json:1");
        assertThat(kindAt(findings, "trace.log"))
                .isEqualTo("secret from mod/src/test/java/dev/x/Creds.java:2 (Base64)");
        assertThat(kindAt(findings, "maillog")).isEqualTo("secret from lib/src/test/resources/realm.json:1 (Base64)");
        assertThat(kindAt(findings, "standalone/log/server.log"))
                .isEqualTo("XOAUTH2/OAUTHBEARER initial response (Base64)");
        assertThat(kindAt(findings, "keycloak-18180.log")).isEqualTo("JWT (access or refresh token)");
    }

    @Test
    void theBuildFailsNamingFileLineAndKindButNotTheSecret() {
        Tree t = new Tree(root);
        t.write("mod/src/test/java/dev/x/Creds.java", "static final String CLIENT_SECRET = \"" + CLIENT_SECRET + "\";");
        t.write("mod/target/surefire-reports/dev.x.SomeTest-output.txt", "a", "leaked " + CLIENT_SECRET);

        Throwable failure = catchThrowable(() -> SecretsAudit.main(new String[] {root.toString()}));

        assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mod/target/surefire-reports/dev.x.SomeTest-output.txt:2: secret from "
                        + "mod/src/test/java/dev/x/Creds.java:1")
                .hasMessageNotContaining(CLIENT_SECRET);
    }

    private static String kindAt(List<Finding> findings, String fileEnd) {
        return findings.stream()
                .filter(f -> f.file().toString().endsWith(fileEnd))
                .findFirst()
                .orElseThrow()
                .kind();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}

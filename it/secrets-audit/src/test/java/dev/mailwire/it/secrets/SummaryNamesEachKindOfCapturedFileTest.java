package dev.mailwire.it.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The audit's summary counts the files it read by kind, so a build log shows that each server's log was really
 * found where the audit looks (a module that moved its log would show as a missing kind, not as a clean scan).
 */
class SummaryNamesEachKindOfCapturedFileTest {

    @Test
    void eachServersLogIsItsOwnKind() {
        assertThat(kind("mail-jca/target/surefire-reports/dev.x.ATest-output.txt"))
                .isEqualTo("test reports and output");
        assertThat(kind("it/payara/target/failsafe-reports/TEST-dev.x.AIT.xml")).isEqualTo("test reports and output");
        assertThat(kind("it/wildfly/target/wildfly-39.0.1.Final/standalone/log/server.log"))
                .isEqualTo("WildFly logs");
        assertThat(kind("it/payara/target/payara6/glassfish/domains/mailwire-it/logs/server.log"))
                .isEqualTo("Payara logs");
        assertThat(kind("it/liberty/target/wlp/usr/servers/mailwire/logs/messages.log"))
                .isEqualTo("Open Liberty logs");
        assertThat(kind("mail-jca/target/mailwire-postfix/postfix-1-2/maillog")).isEqualTo("Postfix logs");
        assertThat(kind("target/oauth-stack/dc-18180/dovecot.log")).isEqualTo("Dovecot logs");
        assertThat(kind("target/oauth-stack/keycloak-18180.log")).isEqualTo("Keycloak logs");
        assertThat(kind("it/reliability/target/reliability.md")).isEqualTo("other logs and reports");
    }

    private static String kind(String relative) {
        return CapturedOutput.kind(Path.of(relative));
    }
}

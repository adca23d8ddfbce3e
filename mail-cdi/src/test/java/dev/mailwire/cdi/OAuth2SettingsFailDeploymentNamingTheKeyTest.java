package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.cdi.deployment.DefaultMailerClient;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The oauth2.* keys are checked when the application deploys, in property and environment-variable form: a missing
 * or unsafe one fails the deployment naming the full key, and no secret is echoed.
 */
class OAuth2SettingsFailDeploymentNamingTheKeyTest {

    private static final Map<String, String> GOOD = Map.of(
            "mailwire.mailer.host", "127.0.0.1",
            "mailwire.mailer.port", "2525",
            "mailwire.mailer.from", "app@example.org",
            "mailwire.mailer.username", "app@example.org",
            "mailwire.mailer.oauth2.token-endpoint", "https://idp.example.org/token",
            "mailwire.mailer.oauth2.client-id", "mail-app",
            "mailwire.mailer.oauth2.client-secret", "s3cret-client-value");

    static Stream<Arguments> cases() {
        return Stream.of(
                bad(
                        "no client id",
                        without("mailwire.mailer.oauth2.client-id"),
                        Map.of(),
                        "mailwire.mailer.oauth2.client-id"),
                bad("no user name", without("mailwire.mailer.username"), Map.of(), "mailwire.mailer.username"),
                bad(
                        "client credentials without a secret",
                        without("mailwire.mailer.oauth2.client-secret"),
                        Map.of(),
                        "mailwire.mailer.oauth2.client-secret"),
                bad(
                        "client id without an endpoint",
                        without("mailwire.mailer.oauth2.token-endpoint"),
                        Map.of(),
                        "mailwire.mailer.oauth2.token-endpoint"),
                bad(
                        "plain http to a remote issuer, with credentials in the URL",
                        with("mailwire.mailer.oauth2.token-endpoint", "http://u:url-password@idp.example.org/t"),
                        Map.of(),
                        "mailwire.mailer.oauth2.token-endpoint"),
                bad("tokens over tls=NONE", with("mailwire.mailer.tls", "NONE"), Map.of(), "mailwire.mailer.tls"),
                bad(
                        "password mechanisms with oauth2",
                        with("mailwire.mailer.auth-mechanisms", "PLAIN"),
                        Map.of(),
                        "mailwire.mailer.auth-mechanisms"),
                bad(
                        "token timeout not a duration",
                        with("mailwire.mailer.oauth2.token-timeout", "10s"),
                        Map.of(),
                        "mailwire.mailer.oauth2.token-timeout"),
                bad(
                        "oauth2 with a server's connection factory",
                        with("mailwire.mailer.connection-factory", "java:/mail/none"),
                        Map.of(),
                        "MWCDI-009",
                        "mailwire.mailer.oauth2.client-secret"),
                bad(
                        "environment-variable form, client id missing",
                        Map.of(
                                "mailwire.mailer.host", "127.0.0.1",
                                "mailwire.mailer.username", "app@example.org"),
                        Map.of("MAILWIRE_MAILER_OAUTH2_TOKEN_ENDPOINT", "https://idp.example.org/token"),
                        "oauth2.client-id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsDeploymentNamingTheKey(
            String title, Map<String, String> properties, Map<String, String> env, List<String> expected) {
        Throwable thrown;
        try (TestConfig config = TestConfig.use(properties, env)) {
            thrown = catchThrowable(() -> {
                try (WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                    // booted: no problem found
                }
            });
        }
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        for (String text : expected) {
            assertThat(thrown.getMessage()).contains(text);
        }
        assertThat(thrown.getMessage()).doesNotContain("s3cret-client-value").doesNotContain("url-password");
    }

    private static Arguments bad(String title, Map<String, String> p, Map<String, String> env, String... expected) {
        return Arguments.of(title, p, env, List.of(expected));
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> p = new HashMap<>(GOOD);
        p.put(key, value);
        return p;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> p = new HashMap<>(GOOD);
        p.remove(key);
        return p;
    }
}

package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.cdi.deployment.BillingMailerClient;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.cdi.deployment.ReservedNameClient;
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
 * Every bad configuration fails the deployment (Weld's boot), and the problem names the full key: the user learns
 * at startup which line to fix, not at the first send.
 */
class BadConfigurationFailsDeploymentTest {

    /** Valid settings of the default mailer; each case changes or adds to them. */
    private static final Map<String, String> GOOD = Map.of(
            "mailwire.mailer.host", "127.0.0.1",
            "mailwire.mailer.port", "2525",
            "mailwire.mailer.from", "app@example.org");

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("missing host", props(Map.of("mailwire.mailer.port", "2525")), "mailwire.mailer.host"),
                bad("port not a number", with("mailwire.mailer.port", "smtp"), "mailwire.mailer.port"),
                bad("port out of range", with("mailwire.mailer.port", "70000"), "mailwire.mailer.port"),
                bad(
                        "duration not ISO-8601",
                        with("mailwire.mailer.connect-timeout", "10s"),
                        "mailwire.mailer.connect-timeout"),
                bad("unknown TLS mode", with("mailwire.mailer.tls", "SSL"), "mailwire.mailer.tls"),
                bad(
                        "outbox lease shorter than a send",
                        with("mailwire.mailer.outbox.lease", "PT1S"),
                        "mailwire.mailer.outbox.lease"),
                bad(
                        "outbox back-off not a duration",
                        with("mailwire.mailer.outbox.initial-backoff", "30s"),
                        "mailwire.mailer.outbox.initial-backoff"),
                bad(
                        "TLS off towards a remote host",
                        with2("mailwire.mailer.tls", "NONE", "mailwire.mailer.host", "mail.example.org"),
                        "mailwire.mailer.tls"),
                bad("user without password", with("mailwire.mailer.username", "app"), "mailwire.mailer.password"),
                bad(
                        "named mailer with no settings",
                        props(GOOD),
                        "mailwire.mailer.billing.host",
                        BillingMailerClient.class.getName() + ".mailer"),
                bad(
                        "typo in a key",
                        with("mailwire.mailer.prot", "25"),
                        "mailwire.mailer.prot",
                        "Did you mean 'mailwire.mailer.port'?"),
                bad(
                        "typo in a named mailer's key",
                        billing("mailwire.mailer.billing.hots", "x"),
                        "mailwire.mailer.billing.hots",
                        "Did you mean 'mailwire.mailer.billing.host'?"),
                bad("pool size zero", with("mailwire.mailer.pool.max-size", "0"), "mailwire.mailer.pool.max-size"),
                bad(
                        "pool duration invalid",
                        with("mailwire.mailer.pool.idle-timeout", "a minute"),
                        "mailwire.mailer.pool.idle-timeout"),
                bad(
                        "session property that weakens TLS",
                        with("mailwire.mailer.session.mail.smtp.ssl.trust", "*"),
                        "mailwire.mailer.session.mail.smtp.ssl.trust"),
                bad("boolean typo", with("mailwire.mailer.mock", "ture"), "mailwire.mailer.mock"),
                bad(
                        "regex that does not compile",
                        with("mailwire.mailer.approved-recipients", ".*@example.org, ["),
                        "mailwire.mailer.approved-recipients"),
                bad(
                        "unknown transactional mode",
                        with("mailwire.mailer.transactional", "sometimes"),
                        "mailwire.mailer.transactional"),
                bad(
                        "invalid default sender",
                        with("mailwire.mailer.from", "app@example.org\r\nBcc: x@evil.test"),
                        "mailwire.mailer.from"),
                bad(
                        "negative size limit",
                        with("mailwire.mailer.max-message-size", "-1"),
                        "mailwire.mailer.max-message-size"),
                bad(
                        "connection factory not bound",
                        with("mailwire.mailer.connection-factory", "java:/mail/none"),
                        "mailwire.mailer.connection-factory"),
                bad(
                        "XOAUTH2 without token source",
                        with2("mailwire.mailer.username", "app", "mailwire.mailer.auth-mechanisms", "XOAUTH2"),
                        "mailwire.mailer.auth-mechanisms"),
                bad(
                        "reserved mailer name",
                        props(GOOD),
                        "mailwire.mailer.pool",
                        ReservedNameClient.class.getName() + ".mailer"),
                bad(
                        "typo in environment-variable form",
                        new Case(GOOD, Map.of("MAILWIRE_MAILER_HOTS", "x")),
                        "MAILWIRE_MAILER_HOTS",
                        "Did you mean 'MAILWIRE_MAILER_HOST'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsDeploymentNamingTheKey(String title, Case c, List<String> expected) {
        List<Class<?>> beans = title.equals("named mailer with no settings") || title.startsWith("typo in a named")
                ? List.of(DefaultMailerClient.class, BillingMailerClient.class)
                : title.equals("reserved mailer name")
                        ? List.of(DefaultMailerClient.class, ReservedNameClient.class)
                        : List.of(DefaultMailerClient.class);
        Throwable thrown;
        try (TestConfig config = TestConfig.use(c.properties(), c.environment())) {
            thrown = catchThrowable(() -> {
                try (WeldContainer container = Containers.boot(beans.toArray(Class<?>[]::new))) {
                    // booted: no problem found
                }
            });
        }
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        for (String text : expected) {
            assertThat(thrown.getMessage()).contains(text);
        }
    }

    record Case(Map<String, String> properties, Map<String, String> environment) {}

    private static Arguments bad(String title, Case c, String... expected) {
        return Arguments.of(title, c, List.of(expected));
    }

    private static Case props(Map<String, String> properties) {
        return new Case(properties, Map.of());
    }

    private static Case with(String key, String value) {
        Map<String, String> p = new HashMap<>(GOOD);
        p.put(key, value);
        return props(p);
    }

    private static Case with2(String key, String value, String key2, String value2) {
        Map<String, String> p = new HashMap<>(GOOD);
        p.put(key, value);
        p.put(key2, value2);
        return props(p);
    }

    private static Case billing(String key, String value) {
        Map<String, String> p = new HashMap<>(GOOD);
        p.put("mailwire.mailer.billing.host", "127.0.0.1");
        p.put(key, value);
        return props(p);
    }
}

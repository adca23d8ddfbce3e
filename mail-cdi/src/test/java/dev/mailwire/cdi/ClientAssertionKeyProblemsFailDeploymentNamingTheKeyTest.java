package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client assertion key is read when the application deploys, not at the first token request: a secret and a
 * key store both set, a key store that is missing or opened with a wrong password, an alias it lacks, two keys and
 * no alias, or a key that cannot sign an assertion (DSA, RSA under 2048 bits) fail the deployment naming the full
 * key and the problem, never the password.
 */
class ClientAssertionKeyProblemsFailDeploymentNamingTheKeyTest {

    private static final String STORE_KEY = "mailwire.mailer.oauth2.client-assertion.key-store";
    private static final String PASSWORD_KEY = "mailwire.mailer.oauth2.client-assertion.key-store-password";

    @TempDir
    static Path dir;

    private static ClientKeyStore rsa;
    private static ClientKeyStore dsa;
    private static ClientKeyStore shortRsa;
    private static Path twoKeys;

    @BeforeAll
    static void keyStores() throws Exception {
        rsa = ClientKeyStore.create(dir.resolve("rsa.p12"), "RSA", "2048");
        dsa = ClientKeyStore.create(dir.resolve("dsa.p12"), "DSA", "2048");
        shortRsa = ClientKeyStore.create(dir.resolve("rsa1024.p12"), "RSA", "1024");
        // The same key under a second alias: a store with two private keys.
        char[] password = ClientKeyStore.PASSWORD.toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(rsa.file())) {
            ks.load(in, password);
        }
        ks.setKeyEntry(
                "second",
                ks.getKey(ClientKeyStore.ALIAS, password),
                password,
                ks.getCertificateChain(ClientKeyStore.ALIAS));
        twoKeys = dir.resolve("two-keys.p12");
        try (OutputStream out = Files.newOutputStream(twoKeys)) {
            ks.store(out, password);
        }
    }

    private static Map<String, String> good() {
        Map<String, String> p = new HashMap<>(Map.of(
                "mailwire.mailer.host", "127.0.0.1",
                "mailwire.mailer.port", "2525",
                "mailwire.mailer.from", "app@example.org",
                "mailwire.mailer.username", "app@example.org",
                "mailwire.mailer.oauth2.token-endpoint", "https://idp.example.org/token",
                "mailwire.mailer.oauth2.client-id", "mail-app"));
        p.put(STORE_KEY, rsa.file().toString());
        p.put(PASSWORD_KEY, ClientKeyStore.PASSWORD);
        return p;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("a secret too", with("mailwire.mailer.oauth2.client-secret", "s3cret-client-value"), "MWJCA-017"),
                bad("no such file", with(STORE_KEY, dir.resolve("absent.p12").toString()), "does not exist"),
                bad("a wrong password", with(PASSWORD_KEY, "wrong-store-password"), "wrong password"),
                bad(
                        "an alias the store lacks",
                        with("mailwire.mailer.oauth2.client-assertion.key-alias", "nope"),
                        "no entry 'nope'"),
                bad("two keys, no alias", with(STORE_KEY, twoKeys.toString()), "holds 2 private keys", "key-alias"),
                bad("a DSA key", with(STORE_KEY, dsa.file().toString()), "a DSA key", "RS256"),
                bad("RSA of 1024 bits", with(STORE_KEY, shortRsa.file().toString()), "an RSA key of 1024 bits"),
                bad("a password but no key store", without(STORE_KEY), "MWJCA-001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsDeploymentNamingTheKey(String title, Map<String, String> properties, List<String> expected) {
        Throwable thrown;
        try (TestConfig config = TestConfig.use(properties, Map.of())) {
            thrown = catchThrowable(() -> {
                try (WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                    // booted: no problem found
                }
            });
        }
        assertThat(thrown).isInstanceOf(DeploymentException.class);
        assertThat(thrown.getMessage()).contains(STORE_KEY);
        for (String text : expected) {
            assertThat(thrown.getMessage()).contains(text);
        }
        assertThat(thrown.getMessage())
                .doesNotContain(ClientKeyStore.PASSWORD)
                .doesNotContain("wrong-store-password")
                .doesNotContain("s3cret-client-value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodForms")
    void aReadableKeyDeploys(String title, Map<String, String> properties, Map<String, String> env) {
        try (TestConfig config = TestConfig.use(properties, env);
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            assertThat(container.isRunning()).isTrue();
        }
    }

    static Stream<Arguments> goodForms() {
        Map<String, String> base = good();
        base.remove(STORE_KEY);
        base.remove(PASSWORD_KEY);
        return Stream.of(
                Arguments.of("properties", good(), Map.of()),
                Arguments.of(
                        "environment variables",
                        base,
                        Map.of(
                                "MAILWIRE_MAILER_OAUTH2_CLIENT_ASSERTION_KEY_STORE",
                                rsa.file().toString(),
                                "MAILWIRE_MAILER_OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD",
                                ClientKeyStore.PASSWORD)));
    }

    private static Arguments bad(String title, Map<String, String> p, String... expected) {
        return Arguments.of(title, p, List.of(expected));
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> p = good();
        p.put(key, value);
        return p;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> p = good();
        p.remove(key);
        return p;
    }
}

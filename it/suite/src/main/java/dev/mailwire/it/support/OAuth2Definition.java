package dev.mailwire.it.support;

import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The server's second connection definition, whose config properties carry the adapter's OAuth2 client settings
 * (issue 15). A server's pool holds those settings itself, so they must be in the server's configuration before it
 * starts, before the test JVM starts the OAuth2 stack: the build fixes the stack's ports and certificate directory
 * (failsafe properties {@code mailwire.it.oauth2.*}) and runs {@link #main} to write the certificates and the values
 * its setup script binds. A server module that sets no {@code mailwire.it.oauth2.connection-factory} has no such
 * definition, and the OAuth2 tests skip there.
 */
public final class OAuth2Definition {

    /** Subject names of the Postfix certificate: the definition's host is 127.0.0.1. */
    private static final String[] NAMES = {"dns:localhost", "ip:127.0.0.1"};

    private OAuth2Definition() {}

    /** The JNDI name of the OAuth2 connection factory, or empty where the server module sets up none. */
    public static Optional<String> connectionFactory() {
        return Optional.ofNullable(System.getProperty("mailwire.it.oauth2.connection-factory"))
                .filter(s -> !s.isBlank());
    }

    public static int keycloakPort() {
        return Integer.parseInt(required("mailwire.it.oauth2.keycloak-port"));
    }

    public static int smtpPort() {
        return Integer.parseInt(required("mailwire.it.oauth2.smtp-port"));
    }

    /** The certificates whose trust store the definition names, made by {@link #main} before the server started. */
    public static TestCertificates certificates() {
        return TestCertificates.reuseOrCreate(Path.of(required("mailwire.it.oauth2.tls-dir")), NAMES);
    }

    /**
     * Run by the server module's build before it configures the server: {@code tls-dir setup.properties
     * keycloak-port smtp-port}. Makes the certificates and appends the definition's values to the setup properties
     * as {@code mailwire.oauth2.*}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: tls-dir setup.properties keycloak-port smtp-port");
        }
        TestCertificates certs = TestCertificates.create(Path.of(args[0]), NAMES);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mailwire.oauth2.port", Integer.toString(Integer.parseInt(args[3])));
        values.put(
                "mailwire.oauth2.trust-store",
                certs.trustStore().toAbsolutePath().toString());
        values.put("mailwire.oauth2.trust-store-password", certs.password());
        values.put("mailwire.oauth2.trust-store-type", certs.storeType());
        values.put("mailwire.oauth2.token-endpoint", OAuthStack.tokenEndpoint(Integer.parseInt(args[2]), "mail"));
        values.put("mailwire.oauth2.client-id", OAuthStack.CLIENT_ID);
        // "password" in the name: WildFly's embedded CLI server logs its system properties (these included) at
        // DEBUG, and redacts only those whose names contain it.
        values.put("mailwire.oauth2.client-secret-password", OAuthStack.CLIENT_SECRET);
        values.put("mailwire.oauth2.username", OAuthStack.serviceAccount(OAuthStack.CLIENT_ID));
        // Values are paths, URLs and names without backslashes or '=': no escaping needed in a properties file.
        String lines = values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "\n", "\n"));
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        Files.writeString(Path.of(args[1]), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set: the server module's build sets it with"
                    + " mailwire.it.oauth2.connection-factory");
        }
        return value;
    }
}

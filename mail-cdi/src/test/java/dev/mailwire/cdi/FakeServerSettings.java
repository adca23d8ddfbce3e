package dev.mailwire.cdi;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The MicroProfile Config properties that point a mailer at an in-process {@link FakeSmtpServer}. The maps are
 * mutable, so a test adds the settings its behaviour needs (timeouts, outbox, pool) to them.
 */
public final class FakeServerSettings {

    /** The name of the default mailer, for the tests in other packages. */
    public static final String DEFAULT_MAILER = "<default>";

    private FakeServerSettings() {}

    /** Server, trust store and sender, authenticated as {@code app}: the fake server accepts any credentials. */
    public static Map<String, String> of(String mailer, FakeSmtpServer server) {
        String prefix = MailerKey.propertyPrefix(mailer);
        Map<String, String> p = withoutAuth(mailer, server);
        p.put(prefix + "username", "app");
        p.put(prefix + "password", "app-secret");
        return p;
    }

    /** Server, trust store and sender, with no credentials: the mailer sends without AUTH. */
    public static Map<String, String> withoutAuth(String mailer, FakeSmtpServer server) {
        String prefix = MailerKey.propertyPrefix(mailer);
        Map<String, String> p = new HashMap<>();
        p.put(prefix + "host", server.host());
        p.put(prefix + "port", String.valueOf(server.port()));
        p.put(prefix + "trust-store", server.trustStore().toString());
        p.put(prefix + "trust-store-password", server.trustStorePassword());
        p.put(prefix + "trust-store-type", server.trustStoreType());
        p.put(prefix + "from", "app@example.org");
        return p;
    }
}

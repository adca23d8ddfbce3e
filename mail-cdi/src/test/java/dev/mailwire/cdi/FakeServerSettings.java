package dev.mailwire.cdi;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.HashMap;
import java.util.Map;

/** The MicroProfile Config properties that point a mailer at an in-process {@link FakeSmtpServer}. */
final class FakeServerSettings {

    private FakeServerSettings() {}

    static Map<String, String> of(String mailer, FakeSmtpServer server) {
        String prefix = MailerKey.propertyPrefix(mailer);
        Map<String, String> p = new HashMap<>();
        p.put(prefix + "host", server.host());
        p.put(prefix + "port", String.valueOf(server.port()));
        p.put(prefix + "trust-store", server.trustStore().toString());
        p.put(prefix + "trust-store-password", server.trustStorePassword());
        p.put(prefix + "trust-store-type", server.trustStoreType());
        p.put(prefix + "username", "app");
        p.put(prefix + "password", "app-secret");
        p.put(prefix + "from", "app@example.org");
        return p;
    }
}

package dev.mailwire.cdi.telemetry.deployment;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.HashMap;
import java.util.Map;

/** The properties that point the default mailer at a fake server, sending now (no transaction). */
public final class FakeServer {

    private FakeServer() {}

    public static Map<String, String> settings(FakeSmtpServer server) {
        Map<String, String> p = new HashMap<>();
        p.put("mailwire.mailer.host", server.host());
        p.put("mailwire.mailer.port", String.valueOf(server.port()));
        p.put("mailwire.mailer.trust-store", server.trustStore().toString());
        p.put("mailwire.mailer.trust-store-password", server.trustStorePassword());
        p.put("mailwire.mailer.trust-store-type", server.trustStoreType());
        p.put("mailwire.mailer.username", "app");
        p.put("mailwire.mailer.password", "app-secret");
        p.put("mailwire.mailer.from", "app@example.org");
        p.put("mailwire.mailer.transactional", "never");
        return p;
    }
}

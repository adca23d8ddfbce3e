package dev.mailwire.cdi.internal.telemetry.deployment;

import dev.mailwire.cdi.FakeServerSettings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.Map;

/** The properties that point the default mailer at a fake server, sending now (no transaction). */
public final class FakeServer {

    private FakeServer() {}

    public static Map<String, String> settings(FakeSmtpServer server) {
        Map<String, String> p = FakeServerSettings.of(FakeServerSettings.DEFAULT_MAILER, server);
        p.put("mailwire.mailer.transactional", "never");
        return p;
    }
}

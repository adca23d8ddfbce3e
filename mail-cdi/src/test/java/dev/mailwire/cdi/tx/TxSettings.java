package dev.mailwire.cdi.tx;

import dev.mailwire.cdi.FakeServerSettings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.util.HashMap;
import java.util.Map;

/** Settings of the default mailer for these tests: Postfix or the fake server, an outbox with short back-offs. */
public final class TxSettings {

    private TxSettings() {}

    /** STARTTLS + AUTH against {@code postfix}, with timeouts short enough for a test. */
    public static Map<String, String> postfix(PrivatePostfix postfix) {
        Map<String, String> p = new HashMap<>();
        p.put("mailwire.mailer.host", postfix.host());
        p.put("mailwire.mailer.port", String.valueOf(postfix.port()));
        p.put("mailwire.mailer.tls", "STARTTLS");
        p.put("mailwire.mailer.trust-store", postfix.trustStore().toString());
        p.put("mailwire.mailer.trust-store-password", postfix.trustStorePassword());
        p.put("mailwire.mailer.trust-store-type", postfix.trustStoreType());
        String user = postfix.users().keySet().iterator().next();
        p.put("mailwire.mailer.username", user);
        p.put("mailwire.mailer.password", postfix.users().get(user));
        p.put("mailwire.mailer.from", postfix.address("app"));
        p.put("mailwire.mailer.connect-timeout", "PT2S");
        p.put("mailwire.mailer.send-timeout", "PT5S");
        return p;
    }

    /** The in-process fake server, without AUTH, each send bounded to five seconds. */
    public static Map<String, String> fakeServer(FakeSmtpServer server) {
        Map<String, String> p = FakeServerSettings.withoutAuth(FakeServerSettings.DEFAULT_MAILER, server);
        p.put("mailwire.mailer.send-timeout", "PT5S");
        return p;
    }

    /** Back-offs of a fraction of a second, so retries happen within a test's time. */
    public static Map<String, String> fastRetries(Map<String, String> settings) {
        Map<String, String> p = new HashMap<>(settings);
        p.put("mailwire.mailer.outbox.initial-backoff", "PT0.2S");
        p.put("mailwire.mailer.outbox.max-backoff", "PT1S");
        p.put("mailwire.mailer.outbox.poll-interval", "PT0.2S");
        p.put("mailwire.mailer.outbox.lease", "PT10S");
        return p;
    }

    /** The outbox in the DataSource bean {@code @Named("outbox")}, with short back-offs. */
    public static Map<String, String> outbox(Map<String, String> settings) {
        Map<String, String> p = fastRetries(settings);
        p.put("mailwire.mailer.outbox.datasource", "outbox");
        return p;
    }
}

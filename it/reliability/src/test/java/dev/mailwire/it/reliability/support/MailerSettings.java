package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default mailer's MicroProfile Config properties for a suite test: STARTTLS + AUTH with the suite's credentials,
 * timeouts short enough for a test, and an outbox with back-offs of a fraction of a second when asked for.
 */
public final class MailerSettings {

    private static final String PREFIX = "mailwire.mailer.";

    private final Map<String, String> properties = new TreeMap<>();

    private MailerSettings(String host, int port, Path trustStore, String trustPassword, String trustType) {
        set("host", host).set("port", String.valueOf(port)).set("tls", "STARTTLS");
        set("trust-store", trustStore.toString()).set("trust-store-password", trustPassword);
        set("trust-store-type", trustType);
        set("username", Credentials.USER).set("password", Credentials.PASSWORD);
        set("from", "app@example.test");
        set("connect-timeout", "PT1S").set("read-timeout", "PT1S").set("send-timeout", "PT3S");
        set("pool.max-size", "4").set("pool.acquire-timeout", "PT2S");
    }

    public static MailerSettings postfix(PrivatePostfix postfix) {
        return new MailerSettings(
                        postfix.host(),
                        postfix.port(),
                        postfix.trustStore(),
                        postfix.trustStorePassword(),
                        postfix.trustStoreType())
                .set("from", postfix.address("app"))
                .set("read-timeout", "PT2S")
                .set("send-timeout", "PT5S");
    }

    public static MailerSettings fake(FakeSmtpServer server) {
        return new MailerSettings(
                server.host(),
                server.port(),
                server.trustStore(),
                server.trustStorePassword(),
                server.trustStoreType());
    }

    /** The settings another JVM wrote with {@link #asMap()} (the {@code mailwire.} keys of {@code p}). */
    public static MailerSettings fromProperties(java.util.Properties p) {
        MailerSettings s = new MailerSettings();
        s.properties.clear();
        p.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX))
                .forEach(k -> s.properties.put(k, p.getProperty(k)));
        return s;
    }

    private MailerSettings() {}

    /** Sets {@code mailwire.mailer.<key>}. */
    public MailerSettings set(String key, String value) {
        properties.put(PREFIX + key, value);
        return this;
    }

    /** The outbox in the DataSource bean {@code @Named("outbox")}, table {@code table}, retrying within a test. */
    public MailerSettings outbox(String table) {
        return set("outbox.datasource", "outbox")
                .set("outbox.table", table)
                .set("outbox.initial-backoff", "PT0.2S")
                .set("outbox.max-backoff", "PT2S")
                .set("outbox.poll-interval", "PT0.2S")
                .set("outbox.lease", "PT10S");
    }

    public String get(String key) {
        return properties.get(PREFIX + key);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(properties);
    }
}

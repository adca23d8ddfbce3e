package dev.mailwire.health.support;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** MicroProfile Config properties for the tests: mailers pointed at a test server, and the health settings. */
public final class Settings {

    private final Map<String, String> map = new HashMap<>();

    private Settings() {}

    public static Settings create() {
        return new Settings();
    }

    /** The default mailer against a fake server, as user {@code user} with {@code password}. */
    public Settings fake(FakeSmtpServer server, String user, String password) {
        return mailer(server.host(), server.port(), server.trustStore().toString(), server.trustStorePassword())
                .set("trust-store-type", server.trustStoreType())
                .set("username", user)
                .set("password", password);
    }

    /** The default mailer against a private Postfix, as its user {@code user}. */
    public Settings postfix(PrivatePostfix postfix, String user) {
        return mailer(postfix.host(), postfix.port(), postfix.trustStore().toString(), postfix.trustStorePassword())
                .set("trust-store-type", postfix.trustStoreType())
                .set("username", user)
                .set("password", postfix.users().get(user))
                .set("from", postfix.address(user));
    }

    private Settings mailer(String host, int port, String trustStore, String trustStorePassword) {
        return set("host", host)
                .set("port", String.valueOf(port))
                .set("trust-store", trustStore)
                .set("trust-store-password", trustStorePassword)
                .set("from", "app@example.org")
                .set("transactional", "never");
    }

    /** A key of the default mailer. */
    public Settings set(String key, String value) {
        map.put("mailwire.mailer." + key, value);
        return this;
    }

    /** Any property. */
    public Settings property(String name, String value) {
        map.put(name, value);
        return this;
    }

    public Settings health(Duration interval, Duration timeout, Duration window) {
        return property("mailwire.health.interval", interval.toString())
                .property("mailwire.health.timeout", timeout.toString())
                .property("mailwire.health.window", window.toString());
    }

    public Map<String, String> map() {
        return Map.copyOf(map);
    }
}

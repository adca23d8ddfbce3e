package dev.mailwire.cdi;

import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.util.HashMap;
import java.util.Map;

/** The MicroProfile Config properties that point a mailer at a private Postfix with STARTTLS and AUTH. */
final class ServerSettings {

    private ServerSettings() {}

    /**
     * @param mailer the mailer's name, {@code <default>} for the default one
     */
    static Map<String, String> of(String mailer, PrivatePostfix postfix, String user) {
        String prefix = MailerKey.propertyPrefix(mailer);
        Map<String, String> p = new HashMap<>();
        p.put(prefix + "host", postfix.host());
        p.put(prefix + "port", String.valueOf(postfix.port()));
        p.put(prefix + "tls", "STARTTLS");
        p.put(prefix + "trust-store", postfix.trustStore().toString());
        p.put(prefix + "trust-store-password", postfix.trustStorePassword());
        p.put(prefix + "trust-store-type", postfix.trustStoreType());
        p.put(prefix + "username", user);
        p.put(prefix + "password", postfix.users().get(user));
        p.put(prefix + "from", postfix.address(user));
        return p;
    }
}

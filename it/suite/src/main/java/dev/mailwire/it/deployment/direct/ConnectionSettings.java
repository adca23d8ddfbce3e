package dev.mailwire.it.deployment.direct;

import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.connector.MailConnectionSpec;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What an application does without mail-cdi: read its mailer's keys from its own MicroProfile Config and pass the
 * connection settings to the server's pool as a {@link MailConnectionSpec} (DESIGN §4, option (a)).
 */
record ConnectionSettings(MailConnectionFactory factory, MailConnectionSpec spec, String from) {

    /** Keys passed through to the resource adapter, as DESIGN §3 names them. */
    private static final List<String> PASSED =
            List.of("host", "port", "tls", "trust-store", "trust-store-password", "trust-store-type");

    /** The settings of {@code mailer}; null or blank for the default mailer. */
    static ConnectionSettings of(String mailer) {
        Config config = ConfigProvider.getConfig();
        String prefix = mailer == null || mailer.isBlank() ? "mailwire.mailer." : "mailwire.mailer." + mailer + ".";
        MailConnectionSpec.Builder spec = MailConnectionSpec.builder();
        for (String key : PASSED) {
            config.getOptionalValue(prefix + key, String.class).ifPresent(value -> spec.setting(key, value));
        }
        config.getOptionalValue(prefix + "username", String.class).ifPresent(spec::username);
        config.getOptionalValue(prefix + "password", String.class)
                .map(String::toCharArray)
                .ifPresent(spec::password);
        String jndi = config.getValue(prefix + "connection-factory", String.class);
        return new ConnectionSettings(lookup(jndi), spec.build(), config.getValue(prefix + "from", String.class));
    }

    private static MailConnectionFactory lookup(String jndi) {
        try {
            return (MailConnectionFactory) new InitialContext().lookup(jndi);
        } catch (NamingException e) {
            throw new IllegalStateException("no connection factory at " + jndi, e);
        }
    }
}

package dev.mailwire.cdi.stats;

import java.util.Objects;

/**
 * Which server a mailer sends to, as health data and telemetry name it. Never holds a user name or a secret.
 *
 * <p>Beyond the specifications: a Mailwire API.
 *
 * @param mailer the mailer's name
 * @param mode how it reaches the server
 * @param host the SMTP host for {@link MailerStats.Mode#SMTP}, else null
 * @param port the SMTP port for {@link MailerStats.Mode#SMTP}, else 0
 * @param tls the TLS mode for {@link MailerStats.Mode#SMTP}, else null (a server's connection definition decides)
 * @param connectionFactory the JNDI name for {@link MailerStats.Mode#CONNECTION_FACTORY}, else null
 */
public record MailerTarget(
        String mailer, MailerStats.Mode mode, String host, int port, String tls, String connectionFactory) {

    public MailerTarget {
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(mode, "mode");
    }

    public static MailerTarget smtp(String mailer, String host, int port, String tls) {
        return new MailerTarget(mailer, MailerStats.Mode.SMTP, host, port, tls, null);
    }

    public static MailerTarget connectionFactory(String mailer, String jndiName) {
        return new MailerTarget(mailer, MailerStats.Mode.CONNECTION_FACTORY, null, 0, null, jndiName);
    }

    public static MailerTarget mock(String mailer) {
        return new MailerTarget(mailer, MailerStats.Mode.MOCK, null, 0, null, null);
    }

    /** {@code host:port}, the connection factory's JNDI name, or null in mock mode. */
    public String server() {
        return switch (mode) {
            case SMTP -> host + ":" + port;
            case CONNECTION_FACTORY -> connectionFactory;
            case MOCK -> null;
        };
    }
}

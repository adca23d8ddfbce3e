package dev.mailwire.jca;

import jakarta.mail.Session;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one place where Mailwire settings become {@code mail.smtp.*} properties. Everything that decides security
 * or a bound is set here, explicitly, because Angus's defaults are unsafe for a server: infinite timeouts, an
 * optional STARTTLS, socket factory fallback to plain sockets.
 */
final class SessionFactory {

    private final MailSettings settings;
    private final TlsSocketFactory tlsSocketFactory;
    private final Session session;
    private final ConnectBackoff backoff = new ConnectBackoff();
    private final dev.mailwire.jca.oauth.TokenSource tokens;

    SessionFactory(MailSettings settings, DeadlineTimer timer) {
        this.settings = settings;
        this.tlsSocketFactory = new TlsSocketFactory(sslContext(settings));
        this.session = Session.getInstance(properties(timer));
        this.tokens = settings.oauth2() == null
                ? null
                : new dev.mailwire.jca.oauth.TokenSource(
                        settings.oauth2(), (delay, action) -> timer.schedule(action, delay));
    }

    /**
     * The adapter's OAuth2 token source for these settings, or null: one per settings, so one token cache and one
     * token request at a time per identity, shared by every connection of the pool.
     */
    dev.mailwire.jca.oauth.TokenSource tokens() {
        return tokens;
    }

    Session session() {
        return session;
    }

    MailSettings settings() {
        return settings;
    }

    /** Connect attempts to this server share one back-off: see {@link ConnectBackoff}. */
    ConnectBackoff backoff() {
        return backoff;
    }

    private Properties properties(DeadlineTimer timer) {
        Properties p = new Properties();
        p.putAll(settings.sessionProperties());
        // Commands as UTF-8, so a non-ASCII address goes out whole (ASCII is byte for byte the same); SMTPUTF8 is
        // asked for only for a mail that needs it (StagedSmtpTransport), and such a mail only to a server offering it.
        p.put(dev.mailwire.jca.validation.SmtpUtf8.ALLOW_UTF8, "true");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", millis(settings.connectTimeout()));
        p.put("mail.smtp.timeout", millis(settings.readTimeout()));
        p.put("mail.smtp.writetimeout", millis(settings.readTimeout()));
        // Without a shared executor Angus starts a thread per connection to enforce write timeouts.
        p.put("mail.smtp.executor.writetimeout", timer.executor());

        // tls=NONE: every connect is checked to go to loopback, not only the host as it resolved at startup.
        p.put(
                "mail.smtp.socketFactory",
                settings.tls() == TlsMode.NONE ? NoDelaySocketFactory.LOOPBACK_ONLY : NoDelaySocketFactory.INSTANCE);
        p.put("mail.smtp.socketFactory.fallback", "false");
        p.put("mail.smtp.ssl.socketFactory", tlsSocketFactory);
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", String.join(" ", TlsSocketFactory.PROTOCOLS));
        switch (settings.tls()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                // Fail closed: a server (or a man in the middle) that does not offer STARTTLS gets no AUTH, no mail.
                p.put("mail.smtp.starttls.required", "true");
            }
            case IMPLICIT -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> p.put("mail.smtp.starttls.enable", "false");
        }

        // Bearer tokens are sent by OAuthLogin, not Angus (see there why): Angus then only connects and secures.
        boolean angusAuth = settings.authenticates() && !settings.usesOAuth();
        p.put("mail.smtp.auth", String.valueOf(angusAuth));
        if (angusAuth) {
            p.put("mail.smtp.auth.mechanisms", String.join(" ", settings.authMechanisms()));
        }
        // Per-recipient results: deliver to the accepted recipients, and report every RCPT reply.
        p.put("mail.smtp.sendpartial", "true");
        p.put("mail.smtp.reportsuccess", "true");
        // Angus logs the AUTH user name at FINE unless told not to; Mailwire's logs never name credentials.
        p.put("mail.debug.auth.username", "false");
        p.put("mail.debug.auth.password", "false");
        // destroy() must be fast: send QUIT, never wait for its reply.
        p.put("mail.smtp.quitwait", "false");
        return p;
    }

    private static String millis(java.time.Duration d) {
        return String.valueOf(d.toMillis());
    }

    private static SSLContext sslContext(MailSettings s) {
        try {
            KeyStore trust = null;
            if (s.trustStore() != null) {
                trust = KeyStore.getInstance(s.trustStoreType());
                char[] pw = s.trustStorePassword() == null
                        ? null
                        : s.trustStorePassword().toCharArray();
                try (InputStream in = Files.newInputStream(s.trustStore())) {
                    trust.load(in, pw);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust); // null: the JVM's default trust anchors
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw ConfigErrors.refused(
                    JcaMessages.TRUST_STORE_UNREADABLE,
                    s.mailer(),
                    "trust-store",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

package dev.mailwire.jca;

import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;

/**
 * Creates and matches pooled SMTP connections for one mailer. Its JavaBean properties are the connection settings
 * of DESIGN §3 ({@link dev.mailwire.jca.settings.ConnectionSetting} describes each); they are boxed types, as JCA
 * config properties must be, and take part in equals/hashCode, because servers keep one pool per distinct factory.
 */
public class MailManagedConnectionFactory extends MailConnectionProperties
        implements ManagedConnectionFactory,
                ResourceAdapterAssociation,
                ValidatingManagedConnectionFactory,
                AutoCloseable {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private transient Supplier<String> tokenSupplier;
    private transient PrintWriter logWriter;
    private transient volatile SessionFactory sessions;
    private transient volatile SpecSessions<Overridden> overridden;
    private transient DeadlineTimer ownTimer;

    /**
     * The XOAUTH2 access token source, asked at each connect (tokens expire). Not a config property: the CDI layer
     * sets it from a bean.
     */
    public void setTokenSupplier(Supplier<String> tokenSupplier) {
        this.tokenSupplier = tokenSupplier;
        settingsChanged();
    }

    public Supplier<String> getTokenSupplier() {
        return tokenSupplier;
    }

    /** Checks every setting now; throws {@link dev.mailwire.MailerConfigurationException} naming the key. */
    public void validate() {
        MailSettings.of(this, tokenSupplier);
        RequestOverrides.allowList(mailer(), getOverridableSettings());
    }

    String mailer() {
        String name = MailSettings.blankToNull(getMailerName());
        return name == null ? MailSettings.DEFAULT_MAILER : name;
    }

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        // In a server the applications may bring the host (and the rest) in their MailConnectionSpec, so a
        // connection definition without a host is fine; a definition that has one is checked now.
        if (MailSettings.blankToNull(getHost()) != null) {
            validate();
        } else {
            RequestOverrides.allowList(mailer(), getOverridableSettings());
        }
        return new MailConnectionFactoryImpl(this, cm);
    }

    /** Without an application server: the embedded pool with its default settings. */
    @Override
    public Object createConnectionFactory() {
        validate();
        PoolSettings pool = PoolSettings.builder().mailer(mailer()).build();
        return new MailConnectionFactoryImpl(this, new EmbeddedConnectionManager(this, pool));
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo cri)
            throws ResourceException {
        try {
            SessionFactory s = sessions(cri).sessions();
            Identity identity = identity(subject, cri);
            return new MailManagedConnection(this, s, timer(), identity, cri);
        } catch (dev.mailwire.MailerException e) {
            // Servers' pools expect a ResourceException; MailConnectionFactoryImpl unwraps the MailerException.
            throw new ResourceException(e.getMessage(), e);
        }
    }

    /**
     * Returns a connection of {@code candidates} made by an equal factory with the same request info (settings and
     * identity), or null: never "the first one", which would hand one user's connection to another.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo cri)
            throws ResourceException {
        Identity wanted;
        try {
            wanted = identity(subject, cri);
        } catch (dev.mailwire.MailerException e) {
            throw new ResourceException(e.getMessage(), e);
        }
        for (Object o : candidates) {
            if (o instanceof MailManagedConnection mc
                    && !mc.isDestroyed()
                    && equals(mc.factory())
                    && java.util.Objects.equals(cri, mc.requestInfo())
                    && wanted.equals(mc.identity())) {
                return mc;
            }
        }
        return null;
    }

    /** The connections that fail a NOOP. Servers call it for background validation. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        Set invalid = new HashSet<>();
        for (Object o : connections) {
            if (o instanceof MailManagedConnection mc && !mc.isValid()) {
                invalid.add(mc);
            }
        }
        return invalid;
    }

    /**
     * Who to authenticate as: a container-managed PasswordCredential for this factory first, then the
     * application's {@link dev.mailwire.connector.MailConnectionSpec}, then the factory's own username, with tokens
     * from the adapter's OAuth2 client when {@code oauth2.token-endpoint} is set.
     */
    Identity identity(Subject subject, ConnectionRequestInfo cri) {
        Identity identity;
        boolean own = false;
        Overridden o = sessions(cri);
        PasswordCredential credential = credential(subject);
        // Payara hands a global-name lookup a credential with a blank user (from the pool's empty UserName): that
        // is no container-managed identity, and AUTH with it fails. With the adapter's OAuth2 client, Payara's
        // credential is the pool's own Username without a password: that is the factory's OAuth2 identity, whose
        // secret is a token, not the empty password.
        boolean containerUser = credential != null
                && !credential.getUserName().isBlank()
                && !(o.sessions().tokens() != null
                        && credential.getUserName().equals(getUsername())
                        && credential.getPassword().length == 0);
        if (containerUser) {
            identity = Identity.of(credential.getUserName(), new String(credential.getPassword()), null);
        } else if (cri instanceof MailConnectionRequestInfo info && info.spec().username() != null) {
            char[] pw = info.spec().password();
            identity = Identity.of(info.spec().username(), pw == null ? null : new String(pw), null);
            own = true;
        } else if (o.sessions().tokens() != null) {
            identity = Identity.oauth(
                    o.sessions().settings().username(), o.sessions().tokens());
        } else {
            identity = Identity.of(
                    MailSettings.blankToNull(getUsername()),
                    getPassword(),
                    getUsername() == null ? null : tokenSupplier);
        }
        MailSettings s = o.sessions().settings();
        RequestOverrides.checkIdentity(s.mailer(), o.redirectedKey(), identity, own);
        if (identity.user() != null && s.tls() == TlsMode.NONE && !s.allowPlaintextAuth()) {
            throw ConfigErrors.refused(JcaMessages.PLAINTEXT_AUTH, s.mailer(), "allow-plaintext-auth");
        }
        return identity;
    }

    private PasswordCredential credential(Subject subject) {
        if (subject == null) {
            return null;
        }
        for (PasswordCredential pc : subject.getPrivateCredentials(PasswordCredential.class)) {
            if (equals(pc.getManagedConnectionFactory())) {
                return pc;
            }
        }
        return null;
    }

    /** One session (and TLS context) per distinct settings, built once: the factory's, or a spec's overrides. */
    private Overridden sessions(ConnectionRequestInfo cri) {
        if (cri instanceof MailConnectionRequestInfo info
                && !info.spec().settings().isEmpty()) {
            SpecSessions<Overridden> cache = overridden;
            if (cache == null) {
                synchronized (this) {
                    if (overridden == null) {
                        overridden = new SpecSessions<>();
                    }
                    cache = overridden;
                }
            }
            return cache.get(info.spec().settings(), o -> {
                EffectiveSettings.Resolved r = EffectiveSettings.of(this, o);
                return new Overridden(new SessionFactory(r.settings(), timer()), r.redirectedKey());
            });
        }
        SessionFactory s = sessions;
        if (s == null) {
            synchronized (this) {
                s = sessions;
                if (s == null) {
                    s = new SessionFactory(MailSettings.of(this, tokenSupplier), timer());
                    sessions = s;
                }
            }
        }
        return new Overridden(s, null);
    }

    /** The sessions for one spec's settings, and the destination or security key it changed (null: none). */
    private record Overridden(SessionFactory sessions, String redirectedKey) {}

    /** How many spec settings have sessions cached now (each key may hold a trust-store password). */
    int cachedSpecSessions() {
        SpecSessions<Overridden> cache = overridden;
        return cache == null ? 0 : cache.size();
    }

    private synchronized DeadlineTimer timer() {
        if (resourceAdapter instanceof MailResourceAdapter ra && ra.timer() != null) {
            return ra.timer();
        }
        if (ownTimer == null || ownTimer.isShutdown()) {
            // No resource adapter: Mailwire runs embedded, where the JVM-wide shortcut is safe.
            StreamProviderShortcut.installIfAbsent();
            ownTimer = new DeadlineTimer("mailwire-deadlines-" + mailer());
        }
        return ownTimer;
    }

    @Override
    protected synchronized void settingsChanged() {
        sessions = null;
        overridden = null;
    }

    /** Stops the deadline thread this factory started when used without a resource adapter. */
    @Override
    public synchronized void close() {
        if (ownTimer != null) {
            ownTimer.close();
            ownTimer = null;
        }
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((MailManagedConnectionFactory) o).tokenSupplier == tokenSupplier;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

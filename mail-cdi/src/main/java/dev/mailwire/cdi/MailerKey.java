package dev.mailwire.cdi;

import dev.mailwire.cdi.internal.config.MailerNames;
import dev.mailwire.jca.settings.ConnectionSetting;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration key of a mailer, documented once, here. A key is read as {@code mailwire.mailer.<key>} for the
 * default mailer and {@code mailwire.mailer.<name>.<key>} for a named one, through the plain MicroProfile Config API,
 * so the environment-variable form ({@code MAILWIRE_MAILER_BILLING_HOST}) works as the Config specification defines.
 * docs/configuration.md repeats the key, type and default of each constant; a test keeps the two in step.
 *
 * <p>The connection keys are the resource adapter's {@link ConnectionSetting}s, which describe each once (type,
 * default, meaning); their constants here take key, type and default from there. Defaults of the pool keys are owned
 * by the resource adapter's {@code PoolSettings}; the defaults written here are their documentation, checked against
 * them by a test.
 *
 * <p>Beyond the specifications: applications may refer to these constants; the set grows, names never change.
 */
public enum MailerKey {
    /** {@link ConnectionSetting#HOST}. Required unless {@link #MOCK} or {@link #CONNECTION_FACTORY} is set. */
    HOST(ConnectionSetting.HOST),
    /** {@link ConnectionSetting#PORT}. */
    PORT(ConnectionSetting.PORT),
    /** {@link ConnectionSetting#TLS}. Hostname verification is always on. */
    TLS(ConnectionSetting.TLS),
    /** {@link ConnectionSetting#TRUST_STORE}. */
    TRUST_STORE(ConnectionSetting.TRUST_STORE),
    /** {@link ConnectionSetting#TRUST_STORE_PASSWORD}. */
    TRUST_STORE_PASSWORD(ConnectionSetting.TRUST_STORE_PASSWORD),
    /** {@link ConnectionSetting#TRUST_STORE_TYPE}. */
    TRUST_STORE_TYPE(ConnectionSetting.TRUST_STORE_TYPE),
    /** {@link ConnectionSetting#USERNAME}. */
    USERNAME(ConnectionSetting.USERNAME),
    /** {@link ConnectionSetting#PASSWORD}. */
    PASSWORD(ConnectionSetting.PASSWORD),
    /**
     * {@link ConnectionSetting#AUTH_MECHANISMS}. With {@code XOAUTH2} the token comes from a {@code Supplier<String>}
     * bean qualified {@code @MailerName("<name>")}, asked at each connect, or from {@link #PASSWORD}.
     */
    AUTH_MECHANISMS(ConnectionSetting.AUTH_MECHANISMS),
    /** {@link ConnectionSetting#OAUTH2_TOKEN_ENDPOINT}; see docs/oauth2.md. */
    OAUTH2_TOKEN_ENDPOINT(ConnectionSetting.OAUTH2_TOKEN_ENDPOINT),
    /** {@link ConnectionSetting#OAUTH2_CLIENT_ID}; required with {@link #OAUTH2_TOKEN_ENDPOINT}. */
    OAUTH2_CLIENT_ID(ConnectionSetting.OAUTH2_CLIENT_ID),
    /** {@link ConnectionSetting#OAUTH2_CLIENT_SECRET}. Never logged. */
    OAUTH2_CLIENT_SECRET(ConnectionSetting.OAUTH2_CLIENT_SECRET),
    /**
     * {@link ConnectionSetting#OAUTH2_CLIENT_ASSERTION_KEY_STORE}: a PKCS#12 file; the client authenticates with a
     * signed JWT instead of {@link #OAUTH2_CLIENT_SECRET} (Microsoft Entra ID certificate credentials).
     */
    OAUTH2_CLIENT_ASSERTION_KEY_STORE(ConnectionSetting.OAUTH2_CLIENT_ASSERTION_KEY_STORE),
    /** {@link ConnectionSetting#OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD}. Never logged. */
    OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD(ConnectionSetting.OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD),
    /** {@link ConnectionSetting#OAUTH2_CLIENT_ASSERTION_KEY_ALIAS}. */
    OAUTH2_CLIENT_ASSERTION_KEY_ALIAS(ConnectionSetting.OAUTH2_CLIENT_ASSERTION_KEY_ALIAS),
    /** {@link ConnectionSetting#OAUTH2_SCOPE}. */
    OAUTH2_SCOPE(ConnectionSetting.OAUTH2_SCOPE),
    /** {@link ConnectionSetting#OAUTH2_REFRESH_TOKEN}. Never logged. */
    OAUTH2_REFRESH_TOKEN(ConnectionSetting.OAUTH2_REFRESH_TOKEN),
    /** {@link ConnectionSetting#OAUTH2_TOKEN_TIMEOUT}. */
    OAUTH2_TOKEN_TIMEOUT(ConnectionSetting.OAUTH2_TOKEN_TIMEOUT),
    /** {@link ConnectionSetting#OAUTH2_REFRESH_MARGIN}. */
    OAUTH2_REFRESH_MARGIN(ConnectionSetting.OAUTH2_REFRESH_MARGIN),
    /** {@link ConnectionSetting#ALLOW_PLAINTEXT_AUTH}. */
    ALLOW_PLAINTEXT_AUTH(ConnectionSetting.ALLOW_PLAINTEXT_AUTH),
    /** Default sender, used when a {@code Mail} has no {@code from}. */
    FROM("from", Type.ADDRESS, null),
    /** Domain of generated Message-IDs ({@code <random@domain>}). Default: the domain of the From address. */
    MESSAGE_ID_DOMAIN("message-id-domain", Type.STRING, "From's domain"),
    /** {@link ConnectionSetting#CONNECT_TIMEOUT}. */
    CONNECT_TIMEOUT(ConnectionSetting.CONNECT_TIMEOUT),
    /** {@link ConnectionSetting#READ_TIMEOUT}. */
    READ_TIMEOUT(ConnectionSetting.READ_TIMEOUT),
    /** {@link ConnectionSetting#SEND_TIMEOUT}: from borrowing a connection to the server's reply to the final dot. */
    SEND_TIMEOUT(ConnectionSetting.SEND_TIMEOUT),
    /** {@link ConnectionSetting#PIPELINING}. */
    PIPELINING(ConnectionSetting.PIPELINING),
    /** Embedded pool: the most connections open at once. Keep it under the server's per-client limit. */
    POOL_MAX_SIZE("pool.max-size", Type.INTEGER, "8"),
    /** Embedded pool: idle connections kept open ahead of demand, 0 to {@code pool.max-size}. */
    POOL_MIN_IDLE("pool.min-idle", Type.INTEGER, "0"),
    /** Embedded pool: an idle connection unused for longer is closed (Postfix drops idle sessions after 300 s). */
    POOL_IDLE_TIMEOUT("pool.idle-timeout", Type.DURATION, "PT60S"),
    /** Embedded pool: a connection older than this is closed when next idle, renewing DNS, TLS and credentials. */
    POOL_MAX_LIFETIME("pool.max-lifetime", Type.DURATION, "PT5M"),
    /** Embedded pool: a connection is closed after sending this many messages. */
    POOL_MAX_MESSAGES_PER_CONNECTION("pool.max-messages-per-connection", Type.INTEGER, "1000"),
    /** Embedded pool: how long a send waits for a free connection before {@code PoolExhaustedException}. */
    POOL_ACQUIRE_TIMEOUT("pool.acquire-timeout", Type.DURATION, "PT30S"),
    /** Embedded pool: a connection idle for longer is checked with NOOP before use (never on every borrow). */
    POOL_VALIDATE_AFTER_IDLE("pool.validate-after-idle", Type.DURATION, "PT5S"),
    /**
     * JNDI name of the resource adapter's connection factory (inside an application server). When set, the server's
     * pool owns the connections: the {@code pool.*} keys are not used, and the connection keys this application sets
     * (host, port, tls, trust-store, username, password, timeouts, session.*) travel with each request and override
     * the connection definition's; connections made for different settings or identities are never shared.
     */
    CONNECTION_FACTORY("connection-factory", Type.JNDI_NAME, null),
    /**
     * {@code auto}: a mail sent inside a JTA transaction is held and delivered only after the transaction commits
     * (nothing on rollback), durably when {@link #OUTBOX_DATASOURCE} is set; outside a transaction, or with no
     * transaction manager, it is sent now. {@code never}: always send now. See docs/transactions.md.
     */
    TRANSACTIONAL("transactional", Type.TRANSACTIONAL, "auto"),
    /**
     * Largest message in bytes this mailer sends, checked before a connection is borrowed; a server that announces
     * a SIZE limit (RFC 1870) is held to that as well. A mail with a single-use stream is measured by the server only.
     */
    MAX_MESSAGE_SIZE("max-message-size", Type.LONG, "26214400"),
    /**
     * Staging guard: regular expressions, comma-separated ({@code \,} for a comma inside one), matched against the
     * whole address, ignoring case. Other recipients are dropped and logged (the address only), never sent to.
     */
    APPROVED_RECIPIENTS("approved-recipients", Type.REGEX_LIST, null),
    /** Send nothing; validate as a real send does and record into {@code MockMailbox}. No host needed. */
    MOCK("mock", Type.BOOLEAN, "false"),
    /** {@code sendAsync} without a managed executor: sends waiting beyond this many are refused. */
    ASYNC_QUEUE_SIZE("async-queue-size", Type.INTEGER, "1000"),
    /**
     * {@link ConnectionSetting#SESSION_PROPERTIES}: pass-through {@code mail.smtp.*} properties
     * ({@code session.mail.smtp.localhost=mx.example.org}), checked by the resource adapter.
     */
    SESSION(ConnectionSetting.SESSION_PROPERTIES),
    /**
     * The transactional DataSource that holds the outbox: a JNDI name (a server's JTA data source), or the name of
     * a {@code @Named} CDI bean of type {@code javax.sql.DataSource} that enlists in the transaction manager
     * (embedded). Mail sent in a transaction is written through it, in that transaction, so it commits or rolls back
     * with the business data. Unset: mail is held in memory, and a crash after commit loses it.
     */
    OUTBOX_DATASOURCE("outbox.datasource", Type.DATASOURCE, null),
    /** The outbox table, optionally {@code schema.table}; several mailers (and nodes) may share one. */
    OUTBOX_TABLE("outbox.table", Type.STRING, "mailwire_outbox"),
    /** Create the outbox table at start when it is missing (PostgreSQL, H2); {@code false}: only check it is there. */
    OUTBOX_CREATE_SCHEMA("outbox.create-schema", Type.BOOLEAN, "true"),
    /** Wait after a failed first attempt (4xx reply, server unreachable); doubled after each further one, jittered. */
    OUTBOX_INITIAL_BACKOFF("outbox.initial-backoff", Type.DURATION, "PT30S"),
    /** The longest wait between two attempts of one mail. */
    OUTBOX_MAX_BACKOFF("outbox.max-backoff", Type.DURATION, "PT15M"),
    /** How long after commit a mail is retried; then it is dead-lettered. A 5xx reply dead-letters it at once. */
    OUTBOX_MAX_AGE("outbox.max-age", Type.DURATION, "PT24H"),
    /** The most outbox entries one sweep claims. */
    OUTBOX_BATCH_SIZE("outbox.batch-size", Type.INTEGER, "50"),
    /**
     * How long a node owns an entry it is sending; another node may take it over after that (the owner died). Must
     * be longer than {@link #SEND_TIMEOUT}, or a slow send could be sent twice.
     */
    OUTBOX_LEASE("outbox.lease", Type.DURATION, "PT5M"),
    /** How long delivered entries stay in the table (for support) before they are deleted. */
    OUTBOX_RETENTION("outbox.retention", Type.DURATION, "P7D"),
    /**
     * How long dead-lettered entries stay in the table, for an operator to requeue or inspect, before the sweeper
     * deletes them, message and all: a dead letter otherwise keeps its message (personal data, attachments) for ever.
     * Its dead-lettering was logged (MWTX-101) and fired as a {@code MailOutcome} when it happened.
     */
    OUTBOX_DEAD_RETENTION("outbox.dead-retention", Type.DURATION, "P30D"),
    /**
     * Without {@link #OUTBOX_DATASOURCE}: the most bytes of committed mail held in memory at once, in bytes. A mail
     * that would go beyond it is refused at {@code send}, inside its transaction (the caller can roll back), instead
     * of being dropped after the commit. The count of mails held is bounded too (10,000).
     */
    OUTBOX_MEMORY_LIMIT("outbox.memory-limit", Type.LONG, "67108864"),
    /** How often each node looks for due entries: retries, and mail left by a node that stopped or crashed. */
    OUTBOX_POLL_INTERVAL("outbox.poll-interval", Type.DURATION, "PT10S"),
    /**
     * DKIM signing keys, {@code dkim.<label>.<field>}; each key signs every mail whose From domain is its domain (or
     * below it, when no key has the From domain itself), once, when the mail is rendered, before the outbox stores
     * it. Fields: {@code domain} (d=, required; an IDN is converted to A-labels), {@code selector} (s=, default: the
     * label), and the private key, either {@code private-key} (a PKCS#8 PEM file, RSA of at least 1024 bits or
     * Ed25519) or {@code key-store} with {@code key-store-type} (PKCS12), {@code key-store-password},
     * {@code key-alias} (default: the label) and {@code key-password} (default: the store's). A mail from a domain
     * no key covers is refused. See docs/deliverability.md.
     */
    DKIM("dkim.*", Type.MAP, null),
    /**
     * The header fields DKIM signs when present, separated by spaces or commas; From is always signed. From, To, Cc,
     * Reply-To, Subject, Date, Message-ID and the List-Unsubscribe pair are signed once more than they occur, so an
     * added instance breaks the signature. Default: From, Sender, Reply-To, Subject, Date, Message-ID, To, Cc,
     * MIME-Version, Content-Type, Content-Transfer-Encoding, In-Reply-To, References, List-Unsubscribe,
     * List-Unsubscribe-Post.
     */
    DKIM_HEADERS("dkim-headers", Type.LIST, "From, To, Subject, Date, Message-ID, MIME and unsubscribe headers"),
    /**
     * The envelope sender (SMTP MAIL FROM) of this mailer's mail: where bounces go, and what the receiver shows as
     * Return-Path; the From header is unchanged. A {@code Mail} may set its own ({@code bounceAddress}, for VERP).
     * Default: the From address. Kept with each mail in the outbox.
     */
    BOUNCE_ADDRESS("bounce-address", Type.ADDRESS, "From's address");

    /** The value types, as the reference table names them. */
    public enum Type {
        STRING("string"),
        SECRET("secret string"),
        INTEGER("int"),
        LONG("long"),
        BOOLEAN("boolean"),
        DURATION("ISO-8601 duration"),
        PATH("file path"),
        ADDRESS("email address"),
        JNDI_NAME("JNDI name"),
        LIST("list"),
        REGEX_LIST("list of regex"),
        TLS_MODE("STARTTLS, IMPLICIT or NONE"),
        TRANSACTIONAL("auto or never"),
        DATASOURCE("JNDI name or bean name"),
        MAP("map");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** The type as written in docs/configuration.md. */
        public String label() {
            return label;
        }
    }

    /** The prefix of every mailer's keys. */
    public static final String PREFIX = "mailwire.mailer.";

    private final String key;
    private final Type type;
    private final String defaultValue;

    MailerKey(String key, Type type, String defaultValue) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    /** A connection setting: its key, type and default are the resource adapter's description of it. */
    MailerKey(ConnectionSetting setting) {
        this(
                setting.key(),
                Type.valueOf(setting.kind().name()),
                setting.documentedDefault().orElse(null));
    }

    /** The key below the mailer's prefix, for example {@code pool.max-size}; {@code session.*} for a map. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The default as documented, or empty for none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether this key is a map of sub-keys ({@code session.*}). */
    public boolean isMap() {
        return type == Type.MAP;
    }

    /** For a map key, its prefix with the trailing dot: {@code session.}. */
    public String mapPrefix() {
        return key.substring(0, key.length() - 1);
    }

    /** The full property name for {@code mailer}, e.g. {@code mailwire.mailer.billing.port}. */
    public String propertyName(String mailer) {
        return propertyPrefix(mailer) + key;
    }

    /** {@code mailwire.mailer.} for the default mailer, {@code mailwire.mailer.<name>.} for a named one. */
    public static String propertyPrefix(String mailer) {
        return MailerNames.isDefault(mailer) ? PREFIX : PREFIX + mailer + ".";
    }

    /** The key whose name is {@code key} exactly, or whose map prefix starts it. */
    public static Optional<MailerKey> find(String key) {
        return Arrays.stream(values())
                .filter(k -> k.isMap()
                        ? key.startsWith(k.mapPrefix())
                                && key.length() > k.mapPrefix().length()
                        : k.key.equals(key))
                .findFirst();
    }
}

package dev.mailwire.cdi.internal.telemetry;

/**
 * The names of Mailwire's metrics, span and attributes, in one place: docs/health-and-telemetry.md lists them and a
 * test holds the page to this class. Names follow the OpenTelemetry conventions (dotted, lower case, units in UCUM,
 * {@code server.address}, {@code server.port} and {@code error.type} from the semantic conventions). No attribute
 * ever carries an address, a user name or a secret.
 *
 * <p>Beyond the specifications: a Mailwire API; names never change.
 */
public final class TelemetryNames {

    /** The instrumentation scope of every metric and span. */
    public static final String SCOPE = "dev.mailwire";

    /** Counter, {@code {send}}: sends by mailer, outcome, reply class (rejected) and error type (error). */
    public static final String SENDS = "mailwire.mail.sends";
    /** Counter, {@code {recipient}}: recipients by mailer and the server's answer. */
    public static final String RECIPIENTS = "mailwire.mail.recipients";
    /** Histogram, {@code s}: one exchange with the server, borrowing the connection included, by mailer and outcome. */
    public static final String SEND_DURATION = "mailwire.mail.send.duration";

    /** UpDownCounter, {@code {connection}}: pooled connections by state ({@code in_use}, {@code idle}). */
    public static final String POOL_CONNECTIONS = "mailwire.pool.connections";
    /** UpDownCounter, {@code {connection}}: {@code pool.max-size}. */
    public static final String POOL_MAX = "mailwire.pool.connections.max";
    /** Counter, {@code {connection}}: connections opened. */
    public static final String POOL_CREATED = "mailwire.pool.connections.created";
    /** Counter, {@code {connection}}: connections closed, for any reason. */
    public static final String POOL_DESTROYED = "mailwire.pool.connections.destroyed";
    /** Counter, {@code {connection}}: connections closed because they failed. */
    public static final String POOL_ERRORS = "mailwire.pool.connections.errors";
    /** Counter, {@code {connection}}: idle connections found dead by validation (NOOP). */
    public static final String POOL_VALIDATION_FAILURES = "mailwire.pool.validation.failures";
    /** Counter, {@code s}: time spent waiting for a free connection. */
    public static final String POOL_WAIT_TIME = "mailwire.pool.acquire.wait_time";
    /** Counter, {@code {acquire}}: borrows that had to wait. */
    public static final String POOL_WAITS = "mailwire.pool.acquire.waits";
    /** Counter, {@code {acquire}}: borrows that gave up after {@code pool.acquire-timeout}. */
    public static final String POOL_TIMEOUTS = "mailwire.pool.acquire.timeouts";

    /** UpDownCounter, {@code {mail}}: committed mails waiting in the outbox. */
    public static final String OUTBOX_BACKLOG = "mailwire.outbox.backlog";
    /** Gauge, {@code s}: how long the oldest waiting mail has waited. */
    public static final String OUTBOX_OLDEST_AGE = "mailwire.outbox.oldest_age";
    /** UpDownCounter, {@code {mail}}: dead-lettered mails kept in the outbox. */
    public static final String OUTBOX_DEAD_LETTERS = "mailwire.outbox.dead_letters";

    /** The span of one send. */
    public static final String SPAN_SEND = "mailwire send";

    /** Attribute: the mailer's name ({@code <default>} for the unnamed one). */
    public static final String MAILER = "mailwire.mailer";
    /** Attribute: {@code delivered}, {@code deferred}, {@code rejected} or {@code error}. */
    public static final String OUTCOME = "mailwire.outcome";
    /** Attribute: {@code 4xx} or {@code 5xx}, on rejected sends. */
    public static final String REPLY_CLASS = "mailwire.smtp.reply_class";
    /** Span attribute: the reply code that decided the outcome. */
    public static final String REPLY_CODE = "mailwire.smtp.reply_code";
    /** Span attribute: how many recipients the mail had. */
    public static final String RECIPIENT_COUNT = "mailwire.recipients";
    /** Attribute: {@code delivered}, {@code deferred} (4xx), {@code queued} (held) or {@code rejected} (5xx). */
    public static final String RECIPIENT_STATUS = "mailwire.recipient.status";
    /** Attribute: {@code in_use} or {@code idle}. */
    public static final String POOL_STATE = "mailwire.pool.state";
    /** Attribute (semantic conventions): the error's kind, e.g. {@code refused}, {@code auth}, {@code timeout}. */
    public static final String ERROR_TYPE = "error.type";
    /** Span attribute (semantic conventions): the SMTP host. */
    public static final String SERVER_ADDRESS = "server.address";
    /** Span attribute (semantic conventions): the SMTP port. */
    public static final String SERVER_PORT = "server.port";

    private TelemetryNames() {}
}

package dev.mailwire.jca;

/**
 * The wording of every error and log message the resource adapter throws or reports, each with an id that leads to
 * its entry in docs/errors.md (a test keeps the two in step and refuses a text written twice). The CDI layer uses the
 * same entries where it reports the same error, so a user meets one wording per error. Messages name the mailer, the
 * setting or field at fault and what to do; they never carry a password, a token or a mail's content.
 *
 * <p>Internal to Mailwire: public only so the adapter's packages and the CDI layer share it.
 */
public enum JcaMessages implements CatalogueMessage {
    // Settings (the CDI layer reports them at deployment, with the full key).
    SETTING_MISSING("MWJCA-001", "Mailer '%s': the setting '%s' is required but not set."),
    INVALID_VALUE("MWJCA-002", "Mailer '%s': the setting '%s' has the invalid value '%s'; expected %s."),
    NOT_A_CONNECTION_SETTING(
            "MWJCA-003", "Mailer '%s': the setting '%s' is refused: this is not a connection setting."),
    TLS_NONE_NOT_LOOPBACK(
            "MWJCA-004",
            "Mailer '%s': the setting '%s' is refused: tls=NONE is only allowed for a server on loopback, and host '%s'"
                    + " is not; use STARTTLS or IMPLICIT."),
    PLAINTEXT_AUTH(
            "MWJCA-005",
            "Mailer '%s': the setting '%s' is refused: AUTH over tls=NONE would send the password in clear. Use"
                    + " STARTTLS or IMPLICIT, or set allow-plaintext-auth=true for a trusted loopback relay."),
    TRUST_STORE_UNREADABLE(
            "MWJCA-006",
            "Mailer '%s': the setting '%s' cannot be used: the trust store could not be loaded (%s); check"
                    + " trust-store, trust-store-type and trust-store-password."),
    SESSION_NOT_SMTP(
            "MWJCA-007",
            "Mailer '%s': the setting '%s' is refused: only mail.smtp.* properties can be passed through."),
    SESSION_OWNED(
            "MWJCA-008",
            "Mailer '%s': the setting '%s' is refused: Mailwire sets %s itself (TLS, AUTH, timeouts and sockets are not"
                    + " passed through); use the Mailwire settings tls, trust-store, username, auth-mechanisms,"
                    + " connect-timeout, read-timeout or send-timeout instead."),
    SESSION_CHUNKING(
            "MWJCA-009",
            "Mailer '%s': the setting '%s' is refused: BDAT (CHUNKING) is not tracked by the retry rule, so a"
                    + " connection lost after the server took the content could send the mail twice; remove the setting"
                    + " (Mailwire sends with DATA)."),
    SESSION_CONTROL_CHARACTER(
            "MWJCA-010",
            "Mailer '%s': the setting '%s' is refused: the value contains a control character (U+%04X), which would"
                    + " end the SMTP command it goes into."),
    SESSION_SEPARATOR(
            "MWJCA-011",
            "Mailer '%s': the setting '%s' is refused: a pass-through value cannot contain ';', nor a key ';' or '='."),
    SPEC_IDENTITY_AS_SETTING(
            "MWJCA-012",
            "Mailer '%s': the setting '%s' is refused: a connection spec carries its identity in its username and"
                    + " password, not as a setting."),
    NOT_OVERRIDABLE(
            "MWJCA-013",
            "Mailer '%s': the setting '%s' is refused: the connection definition does not let applications override"
                    + " it; the operator can add it to the connection definition's %s (now: %s)."),
    REDIRECT_NEEDS_IDENTITY(
            "MWJCA-014",
            "Mailer '%s': the setting '%s' is refused: a connection spec that changes %s must bring its own identity"
                    + " (username and password in the spec); the connection definition's credentials only ever go to"
                    + " its own server, as configured."),
    TOKEN_ENDPOINT_URL(
            "MWJCA-015",
            "Mailer '%s': the setting '%s' is refused: expected an https URL of the issuer's token endpoint (http only"
                    + " for an issuer on loopback), without credentials in it."),
    TOKEN_NEEDS_TLS(
            "MWJCA-016",
            "Mailer '%s': the setting '%s' is refused: an OAuth2 token is only ever sent over TLS; use STARTTLS or"
                    + " IMPLICIT."),
    CLIENT_CREDENTIAL_TWICE(
            "MWJCA-017",
            "Mailer '%s': the setting '%s' is refused: the OAuth2 client authenticates either with oauth2.client-secret"
                    + " or with a client assertion (oauth2.client-assertion.key-store), not both; remove one."),
    CLIENT_KEY_UNUSABLE(
            "MWJCA-018",
            "Mailer '%s': the setting '%s' cannot be used: %s. Check oauth2.client-assertion.key-store (a PKCS#12"
                    + " file), oauth2.client-assertion.key-store-password and oauth2.client-assertion.key-alias."),

    // Connecting: TCP, greeting, EHLO, TLS, AUTH.
    CONNECT_DEADLINE(
            "MWJCA-101",
            "Mailer '%s': connecting to %s:%s did not finish within %s (send-timeout); the socket was closed."),
    CONNECT_TIMEOUT("MWJCA-102", "Mailer '%s': connecting to %s:%s timed out after %s (connect-timeout)."),
    NO_GREETING(
            "MWJCA-103", "Mailer '%s': connecting to %s:%s failed: the server sent no reply within %s (read-timeout)."),
    UNKNOWN_HOST("MWJCA-104", "Mailer '%s': connecting to %s:%s failed: unknown host '%s' (check the setting host)."),
    CONNECTION_REFUSED(
            "MWJCA-105",
            "Mailer '%s': connecting to %s:%s failed: connection refused (is the server up, and is port right?)."),
    STARTTLS_NOT_OFFERED(
            "MWJCA-106",
            "Mailer '%s': connecting to %s:%s failed: the server did not offer STARTTLS, and tls=STARTTLS requires it."
                    + " Nothing was sent: no AUTH, no mail."),
    TLS_FAILED(
            "MWJCA-107",
            "Mailer '%s': connecting to %s:%s failed: TLS could not be established with host '%s' (%s). The"
                    + " certificate must be trusted (trust-store) and name the host."),
    AUTH_REFUSED(
            "MWJCA-108",
            "Mailer '%s': connecting to %s:%s failed: authentication was refused (%s). Check username, password and"
                    + " auth-mechanisms."),
    AUTH_NOT_OFFERED(
            "MWJCA-109",
            "Mailer '%s': %s:%s does not offer AUTH, but a username is configured. Refusing to send unauthenticated."),
    TOKEN_TOO_SLOW(
            "MWJCA-110",
            "Mailer '%s': getting the OAuth2 access token took %d ms, which leaves nothing of the %s (send-timeout)"
                    + " allowed for connecting to %s:%s; nothing was sent. Check the token endpoint."),
    CONNECT_FAILED("MWJCA-111", "Mailer '%s': connecting to %s:%s failed: %s"),
    BACKING_OFF(
            "MWJCA-112", "Mailer '%s': not connecting to %s:%s for another %d ms, since the last attempt failed: %s"),
    NOT_LOOPBACK_NOW(
            "MWJCA-113",
            "tls=NONE is only allowed for a server on loopback, and %s is not (the host now resolves elsewhere);"
                    + " refusing to connect without TLS."),
    TOKEN_ENDPOINT_FAILED("MWJCA-114", "Mailer '%s': the token endpoint %s %s"),
    TOKEN_BACKING_OFF(
            "MWJCA-115",
            "Mailer '%s': not asking the token endpoint %s again for another %d ms, since the last request failed: %s"),
    NO_TOKEN(
            "MWJCA-116",
            "Mailer '%s': no OAuth2 access token could be had, so no connection was made to %s:%s and nothing was"
                    + " sent: %s"),
    NOT_TLS_FOR_TOKEN(
            "MWJCA-117",
            "Mailer '%s': %s:%s is not TLS-protected, and an OAuth2 token is only ever sent over TLS (tls=STARTTLS or"
                    + " IMPLICIT). Nothing was sent."),
    TOKEN_MECHANISM_NOT_OFFERED(
            "MWJCA-118", "Mailer '%s': %s:%s offers none of %s (auth-mechanisms) after TLS. Nothing was sent."),
    TOKEN_REFUSED(
            "MWJCA-119",
            "Mailer '%s': %s:%s refused the OAuth2 access token (AUTH %s for user '%s'): %s. Check that the token's"
                    + " issuer is the one the server trusts, that it was granted for this user (username) and the scope"
                    + " the server names, and oauth2.scope."),

    // Sending on an established connection, and the connection handle.
    SEND_DEADLINE(
            "MWJCA-121",
            "Mailer '%s': sending to %s:%s did not finish within %s (send-timeout); the connection was closed.%s"),
    SEND_TIMEOUT(
            "MWJCA-122",
            "Mailer '%s': sending to %s:%s failed: the server did not answer or read within %s (read-timeout); the"
                    + " connection was closed.%s"),
    CONNECTION_BROKE("MWJCA-123", "Mailer '%s': sending to %s:%s failed: the connection broke (%s).%s"),
    ALL_REJECTED("MWJCA-124", "Mailer '%s': the server accepted the mail for no recipient: %s"),
    NO_CONNECTION("MWJCA-125", "Mailer '%s': the connection pool gave no connection: %s"),
    HANDLE_CLOSED("MWJCA-126", "Mailer '%s': this connection handle is closed; get a new one from the factory."),
    CONNECTION_DESTROYED("MWJCA-127", "Mailer '%s': the managed connection was destroyed; it has no handles to give."),
    OTHER_IDENTITY("MWJCA-128", "Mailer '%s': this connection is authenticated as another identity."),
    RESET_FAILED("MWJCA-129", "Mailer '%s': the connection could not be reset; destroy it."),
    NO_TRANSACTIONS("MWJCA-130", "SMTP has no transactions; Mailwire's mailers defer mail to commit instead."),
    NO_INBOUND("MWJCA-131", "Mailwire is an outbound resource adapter: it has no message endpoints."),
    FOREIGN_HANDLE(
            "MWJCA-132",
            "Mailer '%s': %s is not a Mailwire connection handle; the container cannot associate it here."),
    TOKEN_OUTLIVED("MWJCA-133", "Mailer '%s': the connection outlived its OAuth2 access token; retiring it."),
    PIPELINING_VIOLATION(
            "MWJCA-134",
            "Mailer '%s': sending to %s:%s failed: the server advertised PIPELINING, but what it sent for %s ('%s')"
                    + " cannot answer it (out of order, missing, or not a reply); the connection was closed before any"
                    + " content. If the server keeps doing this, set pipelining=false."),
    PIPELINED_COMMAND_BREAK(
            "MWJCA-135", "A pipelined SMTP command contains a line break; nothing of the envelope was written."),
    PIPELINED_WRITE_FAILED("MWJCA-136", "Writing the pipelined SMTP envelope failed."),
    PIPELINE_OUT_OF_STEP(
            "MWJCA-137",
            "Angus Mail issued %s where Mailwire had pipelined another command; the connection is closed before any"
                    + " content. Please report it as a bug."),
    HELD_DOT_VIOLATION(
            "MWJCA-138",
            "Mailer '%s': sending to %s:%s failed: the server advertised PIPELINING, but what it sent for the final"
                    + " dot ('%s') is not a reply to it; the connection was closed.%s If the server keeps doing this,"
                    + " set pipelining=false."),
    CONNECTION_CLOSED_HOLDING_DOT(
            "MWJCA-139",
            "the connection was closed before the reply to the final dot, sent with the next envelope," + " was read"),

    // The mail itself (InvalidMailException): nothing was sent.
    BAD_ADDRESS(
            "MWJCA-201", "Mailer '%s': invalid %s: %s. Give addresses as ada@example.org or Ada <ada@example.org>."),
    LINE_BREAK_OR_CONTROL(
            "MWJCA-202",
            "Mailer '%s': invalid %s: %s. A value must not carry line breaks or control characters (they would start"
                    + " a new header): remove them."),
    HEADER_NOT_ASCII(
            "MWJCA-203",
            "Mailer '%s': invalid %s: contains the non-ASCII character U+%04X at index %d; a header as sent must be"
                    + " ASCII (MIME-encoded); only an address's local part may be UTF-8, in a message written as"
                    + " UTF-8 and sent with SMTPUTF8."),
    HEADER_LINE_TOO_LONG("MWJCA-204", "Mailer '%s': invalid %s: has a line longer than %d octets; shorten it."),
    BAD_HEADER_NAME(
            "MWJCA-205",
            "Mailer '%s': invalid %s: %s; a header name is printable ASCII without spaces or colons (RFC 5322)."),
    RETURN_PATH_REFUSED(
            "MWJCA-206",
            "Mailer '%s': invalid %s: is added by the receiving server from the envelope (RFC 5321 section 4.4); a"
                    + " Return-Path set by the sender misleads bounce handling: remove it."),
    SENDER_REFUSED(
            "MWJCA-207",
            "Mailer '%s': invalid %s: claims a second sending identity that Mailwire does not verify: remove it and"
                    + " set from (and reply-to) instead."),
    BIDI_CONTROL(
            "MWJCA-208",
            "Mailer '%s': invalid %s: %scontains the bidirectional control U+%04X at index %d, which makes the name"
                    + " display differently from what it is; remove it."),
    LONG_BODY_LINE(
            "MWJCA-209",
            "Mailer '%s': invalid body: line %d is longer than %d octets (RFC 5322 section 2.1.1) in a part sent as"
                    + " %s; leave Content-Transfer-Encoding unset, or set quoted-printable or base64."),
    TOO_LARGE_FOR_SERVER(
            "MWJCA-210",
            "Mailer '%s': invalid size: the message is %d bytes; the server accepts at most %d (its SIZE extension)."),
    TOO_LARGE(
            "MWJCA-211",
            "Mailer '%s': invalid size: the message is %d bytes; the configured maximum is %d bytes"
                    + " (max-message-size)."),
    NO_FROM(
            "MWJCA-212",
            "Mailer '%s': invalid from: is missing: a message needs a From address; set it on the mail, or configure"
                    + " the mailer's from setting."),
    NO_RECIPIENT("MWJCA-213", "Mailer '%s': the mail has no recipient: give at least one To, Cc or Bcc address."),
    UNREADABLE_MESSAGE(
            "MWJCA-214", "Mailer '%s': invalid %s: cannot be read or prepared for writing (%s); nothing was sent."),
    BAD_ID(
            "MWJCA-215",
            "Mailer '%s': invalid %s: %s; an id is printable ASCII without spaces or angle brackets inside, and a"
                    + " Message-ID is id@domain."),
    TOO_DEEP("MWJCA-216", "Mailer '%s': invalid message: nests MIME parts more than %d deep."),
    SMTPUTF8_NOT_OFFERED(
            "MWJCA-217",
            "Mailer '%s': invalid %s: the mail has a non-ASCII local part, which needs SMTPUTF8 (RFC 6531), and the"
                    + " server %s:%s does not offer SMTPUTF8; nothing was sent. Use an ASCII address, or a server that"
                    + " offers SMTPUTF8."),
    FOREIGN_SMTP_MESSAGE(
            "MWJCA-218",
            "Mailer '%s': invalid message: the application bundles its own Angus Mail"
                    + " (org.eclipse.angus.mail.smtp.SMTPMessage from another class loader): remove angus-mail from the"
                    + " application. The adapter cannot read that message's envelope options (envelope sender, DSN,"
                    + " MAIL FROM extension, submitter), so nothing was sent; the class came from %s."),

    // The embedded pool (in a server, the server's pool reports its own errors).
    POOL_EXHAUSTED(
            "MWJCA-301",
            "Mailer '%s': all %d pooled SMTP connections stayed in use for %s (pool.max-size=%d,"
                    + " pool.acquire-timeout=%s). Raise pool.max-size or lower the load."),
    POOL_CLOSED(
            "MWJCA-302",
            "Mailer '%s': the embedded SMTP connection pool is closed (the application is shutting down); no"
                    + " connection can be handed out."),
    POOL_INTERRUPTED("MWJCA-303", "Mailer '%s': interrupted after %s while waiting for a pooled SMTP connection."),
    FOREIGN_FACTORY(
            "MWJCA-304",
            "Mailer '%s': allocateConnection was called with a ManagedConnectionFactory that is not the one this"
                    + " embedded pool was created for; create one EmbeddedConnectionManager per factory."),
    POOL_DESERIALIZED(
            "MWJCA-305",
            "An EmbeddedConnectionManager was deserialized; a pool cannot travel between JVMs. Create a new one for"
                    + " the factory instead."),
    NULL_CONNECTION("MWJCA-306", "Mailer '%s': createManagedConnection returned null."),
    EVICTION_FAILED("MWJCA-307", "Mailer '%s': the pool's eviction run failed; it runs again in %s."),
    MIN_IDLE_FAILED(
            "MWJCA-308", "Mailer '%s': could not open a connection for pool.min-idle=%d (retrying every %s): %s"),
    MIN_IDLE_WORKS_AGAIN("MWJCA-309", "Mailer '%s': opening pooled connections works again."),
    RETURN_FAILED(
            "MWJCA-310",
            "Mailer '%s': returning %s to the pool failed (the cause follows); please report it as a bug."),
    DISCARD_FAILED(
            "MWJCA-311",
            "Mailer '%s': discarding the failed %s failed (the cause follows); please report it as a bug."),

    // The adapter's start in a server: which Angus Mail its SMTP transport runs on.
    ANGUS_RUNS_ON("MWJCA-401", "Mailwire's resource adapter runs on Angus Mail %s from %s."),
    ANGUS_OLDER(
            "MWJCA-402",
            "Mailwire's resource adapter runs on Angus Mail %s from %s, older than %s, the version Mailwire is built"
                    + " and tested on. Upgrade the server's Angus Mail (docs/wildfly.md, docs/payara.md: section 1)."),
    ANGUS_VERSION_UNKNOWN(
            "MWJCA-403",
            "Mailwire's resource adapter runs on an Angus Mail from %s whose version cannot be read (no Bundle-Version"
                    + " in its manifest); Mailwire is built and tested on %s."),
    ANGUS_VULNERABLE(
            "MWJCA-404",
            "Mailwire's resource adapter does not start: it would run on Angus Mail %s from %s, which lacks the fix"
                    + " for CVE-2025-7962 (SMTP command injection, fixed in %s). Upgrade the server's Angus Mail to %s"
                    + " (docs/wildfly.md, docs/payara.md: section 1).");

    /** What {@link #INVALID_VALUE} expects of a duration setting. */
    public static final String EXPECTED_DURATION = "a positive ISO-8601 duration such as PT10S";

    /** Appended to a send failure after the final dot of DATA. */
    static final String MAY_HAVE_BEEN_ACCEPTED =
            " The server may already have accepted the mail: a retry may deliver it twice.";

    private final Entry entry;

    JcaMessages(String id, String template) {
        this.entry = new Entry(id, template);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}

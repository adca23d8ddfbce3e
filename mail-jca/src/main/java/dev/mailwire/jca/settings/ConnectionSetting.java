package dev.mailwire.jca.settings;

import static dev.mailwire.jca.settings.SettingSpec.setting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every connection setting of a mailer, described once, here: its key, its JCA config property, its type, its
 * default, the {@code mail.smtp.*} properties it decides and whether it travels with each request in a server. The
 * managed connection factory's property plumbing (defaults, copy, set by key, equals/hashCode), the allow-list of
 * {@code OverridableSettings} and mail-cdi's request keys are driven by this table; mail-cdi's {@code MailerKey} takes
 * each connection key's type and default from it. Tests hold the rest to it: the factory's bean properties
 * ({@code ConfigPropertiesFollowConnectionSettingsTest}), {@code ra.xml} ({@code RaXmlFollowsConnectionSettingsTest}),
 * the {@code mail.smtp.*} keys ({@code SmtpPropertiesOfSettingsAreMailwiresTest}), {@code MailerKey} and
 * docs/configuration.md ({@code ConnectionSettingsAgreeEverywhereTest}, {@code ConfigurationReferenceMatchesCodeTest}).
 *
 * <p>Adding a setting: one entry here; its typed accessor pair in {@code MailConnectionProperties} (servers set
 * config properties through JavaBean setters); its {@code config-property} in {@code ra.xml} and its row in
 * docs/configuration.md's connection-definition table (the tests write both to paste); for a configuration key, its
 * {@code MailerKey} constant and reference row; and the code that uses it (typically {@code MailSettings} and
 * {@code SessionFactory}).
 *
 * <p>Internal to Mailwire: the CDI layer reads it; applications configure through MicroProfile Config keys.
 */
public enum ConnectionSetting {
    MAILER_NAME(setting("mailer-name", "MailerName", Kind.STRING)
            .notAConfigKey()
            .documentedDefault("<default>")
            .doc("Name of the mailer, used in every error and log message.")),
    HOST(setting("host", "Host", Kind.STRING)
            .smtp("mail.smtp.host")
            .travels(Travel.OVERRIDE)
            .guardsCredentials()
            .doc("SMTP server host name or address. Required.")),
    PORT(setting("port", "Port", Kind.INTEGER)
            .documentedDefault("by tls: 587 / 465 / 25")
            .smtp("mail.smtp.port")
            .travels(Travel.OVERRIDE)
            .guardsCredentials()
            .doc("SMTP server port, 1 to 65535. Default by tls: 587 for STARTTLS, 465 for IMPLICIT, 25 for NONE.")),
    TLS(setting("tls", "Tls", Kind.TLS_MODE)
            .defaultValue("STARTTLS")
            .smtp("mail.smtp.starttls.enable", "mail.smtp.starttls.required", "mail.smtp.ssl.enable")
            .travels(Travel.OVERRIDE)
            .guardsCredentials()
            .doc("STARTTLS (required: refused if the server does not offer it), IMPLICIT (TLS from the first byte)"
                    + " or NONE (a server on loopback only).")),
    TRUST_STORE(setting("trust-store", "TrustStore", Kind.PATH)
            .documentedDefault("JVM default")
            .travels(Travel.OVERRIDE)
            .guardsCredentials()
            .doc("Path of a key store with the trust anchors for the server's certificate. Default: the JVM's.")),
    TRUST_STORE_PASSWORD(setting("trust-store-password", "TrustStorePassword", Kind.SECRET)
            .travels(Travel.OVERRIDE)
            .guardsCredentials()
            .doc("Password of the trust store. Never logged.")),
    TRUST_STORE_TYPE(setting("trust-store-type", "TrustStoreType", Kind.STRING)
            .defaultValue("PKCS12")
            .travels(Travel.OVERRIDE)
            .guardsCredentials()
            .doc("Type of the trust store: PKCS12 or JKS.")),
    USERNAME(setting("username", "Username", Kind.STRING)
            .smtp("mail.smtp.auth")
            .travels(Travel.IDENTITY)
            .doc("AUTH user name; without it no AUTH is sent.")),
    PASSWORD(setting("password", "Password", Kind.SECRET)
            .travels(Travel.IDENTITY)
            .doc("AUTH password (or a static XOAUTH2 token). Never logged.")),
    AUTH_MECHANISMS(setting("auth-mechanisms", "AuthMechanisms", Kind.LIST)
            .defaultValue("PLAIN LOGIN")
            .smtp("mail.smtp.auth.mechanisms")
            .travels(Travel.OVERRIDE)
            .doc("AUTH mechanisms in order of preference: PLAIN and/or LOGIN, or XOAUTH2 and/or OAUTHBEARER (with"
                    + " oauth2.* the default is OAUTHBEARER XOAUTH2, whichever the server offers).")),
    OAUTH2_TOKEN_ENDPOINT(setting("oauth2.token-endpoint", "Oauth2TokenEndpoint", Kind.STRING)
            .doc("The OAuth2 issuer's token endpoint (https; http only on loopback). When set, the adapter fetches"
                    + " access tokens itself and authenticates as username with XOAUTH2 or OAUTHBEARER.")),
    OAUTH2_CLIENT_ID(setting("oauth2.client-id", "Oauth2ClientId", Kind.STRING)
            .doc("The OAuth2 client id. Required with oauth2.token-endpoint.")),
    OAUTH2_CLIENT_SECRET(setting("oauth2.client-secret", "Oauth2ClientSecret", Kind.SECRET)
            .doc("The OAuth2 client secret, sent only to the token endpoint. Never logged.")),
    OAUTH2_CLIENT_ASSERTION_KEY_STORE(setting(
                    "oauth2.client-assertion.key-store", "Oauth2ClientAssertionKeyStore", Kind.PATH)
            .doc("Path of a PKCS#12 key store holding the client's private key (RSA or EC) and its certificate: the"
                    + " client then authenticates with a signed JWT (RFC 7523, private_key_jwt) instead of"
                    + " oauth2.client-secret. Read once, when the factory's settings are checked.")),
    OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD(
            setting("oauth2.client-assertion.key-store-password", "Oauth2ClientAssertionKeyStorePassword", Kind.SECRET)
                    .doc("Password of the client assertion key store and of its key. Never logged.")),
    OAUTH2_CLIENT_ASSERTION_KEY_ALIAS(
            setting("oauth2.client-assertion.key-alias", "Oauth2ClientAssertionKeyAlias", Kind.STRING)
                    .documentedDefault("the store's only key")
                    .doc("Alias of the private key entry in the client assertion key store; needed when it holds more"
                            + " than one.")),
    OAUTH2_SCOPE(setting("oauth2.scope", "Oauth2Scope", Kind.STRING)
            .documentedDefault("the issuer's default")
            .doc("Scopes to ask for, separated by spaces (Microsoft 365: https://outlook.office365.com/.default).")),
    OAUTH2_REFRESH_TOKEN(setting("oauth2.refresh-token", "Oauth2RefreshToken", Kind.SECRET)
            .doc("A refresh token: when set, tokens come from the refresh-token grant, else from client credentials."
                    + " A rotated refresh token replaces it for the life of the pool. Never logged.")),
    OAUTH2_TOKEN_TIMEOUT(setting("oauth2.token-timeout", "Oauth2TokenTimeout", Kind.DURATION)
            .defaultValue("PT10S")
            .doc("Bound on one token request, connect to last byte, ISO-8601.")),
    OAUTH2_REFRESH_MARGIN(setting("oauth2.refresh-margin", "Oauth2RefreshMargin", Kind.DURATION)
            .defaultValue("PT60S")
            .doc("How long before its expiry a token is replaced for new connections (at most half its lifetime),"
                    + " ISO-8601.")),
    ALLOW_PLAINTEXT_AUTH(setting("allow-plaintext-auth", "AllowPlaintextAuth", Kind.BOOLEAN)
            .defaultValue("false")
            .travels(Travel.OVERRIDE_IF_ALLOWED)
            .guardsCredentials()
            .doc("Allow AUTH with tls=NONE, which sends the password in clear (a trusted loopback relay only).")),
    CONNECT_TIMEOUT(setting("connect-timeout", "ConnectTimeout", Kind.DURATION)
            .defaultValue("PT10S")
            .smtp("mail.smtp.connectiontimeout")
            .travels(Travel.OVERRIDE)
            .doc("Bound on the TCP connect, ISO-8601.")),
    READ_TIMEOUT(setting("read-timeout", "ReadTimeout", Kind.DURATION)
            .defaultValue("PT60S")
            .smtp("mail.smtp.timeout", "mail.smtp.writetimeout")
            .travels(Travel.OVERRIDE)
            .doc("Bound on each read and each write, ISO-8601.")),
    SEND_TIMEOUT(setting("send-timeout", "SendTimeout", Kind.DURATION)
            .defaultValue("PT2M")
            .travels(Travel.OVERRIDE)
            .doc("Bound on one whole send, and on establishing a connection (TCP, TLS, AUTH), ISO-8601.")),
    PIPELINING(setting("pipelining", "Pipelining", Kind.BOOLEAN)
            .defaultValue("true")
            .travels(Travel.OVERRIDE_IF_ALLOWED)
            .doc("Where the server advertises PIPELINING (RFC 2920), write MAIL FROM, every RCPT TO and DATA together"
                    + " and read their replies in order, and let a mail's final dot go out with the next mail's"
                    + " envelope (sendBeforeNext, the embedded pool's relay); false: one command at a time.")),
    SESSION_PROPERTIES(setting("session.*", "SessionProperties", Kind.MAP)
            .travels(Travel.PASS_THROUGH)
            .doc("Extra mail.smtp.* properties, as key=value;key=value in the connection definition; those that"
                    + " decide TLS, AUTH, timeouts or sockets are refused.")),
    OVERRIDABLE_SETTINGS(setting("overridable-settings", "OverridableSettings", Kind.LIST)
            .notAConfigKey()
            .defaultValue(ConnectionSetting::defaultAllowList)
            .doc("The settings an application's MailConnectionSpec may override (keys, comma-separated; none:"
                    + " nothing). A spec that changes host, port, tls, the trust store or allow-plaintext-auth"
                    + " must bring its own identity."));

    /** The value types, as the reference table names them; each says which JavaBean type carries it. */
    public enum Kind {
        STRING("string"),
        SECRET("secret string"),
        INTEGER("int"),
        BOOLEAN("boolean"),
        /** The unit is in the value: ISO-8601, {@code PT10S}. */
        DURATION("ISO-8601 duration"),
        PATH("file path"),
        LIST("list"),
        TLS_MODE("STARTTLS, IMPLICIT or NONE"),
        /** Sub-keys under the key's prefix; one {@code key=value;key=value} String as a config property. */
        MAP("map");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The type as docs/configuration.md writes it. */
        public String label() {
            return label;
        }

        /** The boxed type (or String) of the JCA config property, as the connector specification requires. */
        public Class<?> beanType() {
            return switch (this) {
                case INTEGER -> Integer.class;
                case BOOLEAN -> Boolean.class;
                default -> String.class;
            };
        }

        /** A value of this kind given as text, in {@link #beanType()}; for defaults, which are known good. */
        Object fromText(String text) {
            return switch (this) {
                case INTEGER -> Integer.valueOf(text);
                case BOOLEAN -> Boolean.valueOf(text);
                default -> text;
            };
        }
    }

    /** How a setting reaches connections that a server's pool owns, when an application brings its own. */
    public enum Travel {
        /** Only the connection definition (or the embedded factory) holds it. */
        NEVER,
        /** In the connection spec's identity (username and password), never as a setting. */
        IDENTITY,
        /** As a spec setting, which the default {@code OverridableSettings} allows. */
        OVERRIDE,
        /** As a spec setting, only where the operator lists it in {@code OverridableSettings}. */
        OVERRIDE_IF_ALLOWED,
        /** As {@code session.<key>} spec settings, only where the operator lists them. */
        PASS_THROUGH
    }

    private final SettingSpec spec;

    ConnectionSetting(SettingSpec spec) {
        this.spec = spec;
    }

    /**
     * The key, as errors name it and (where {@link #isConfigKey()}) as MicroProfile Config reads it below
     * {@code mailwire.mailer[.<name>].}: {@code connect-timeout}; {@code session.*} for the pass-through map.
     */
    public String key() {
        return spec.key();
    }

    /** Whether applications set it as a MicroProfile Config key; if not, only the connection definition has it. */
    public boolean isConfigKey() {
        return spec.configKey();
    }

    /** The JCA config property (JavaBean property) name as ra.xml and servers' connection definitions write it. */
    public String property() {
        return spec.property();
    }

    public Kind kind() {
        return spec.kind();
    }

    /** The value a new factory holds, as text (ra.xml's {@code config-property-value}); empty for none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(spec.defaultValue().get());
    }

    /** {@link #defaultValue()} in the property's type. */
    public Object defaultBeanValue() {
        return defaultValue().map(kind()::fromText).orElse(null);
    }

    /** The default as the reference table writes it: the value, or what applies when none is set. */
    public Optional<String> documentedDefault() {
        return Optional.ofNullable(spec.documentedDefault()).or(this::defaultValue);
    }

    /** The {@code mail.smtp.*} properties that {@code SessionFactory} derives from it. */
    public List<String> smtpProperties() {
        return spec.smtp();
    }

    public Travel travel() {
        return spec.travel();
    }

    /**
     * Whether it decides where the credentials go or how they are protected: a connection spec that changes it must
     * bring its own identity.
     */
    public boolean guardsCredentials() {
        return spec.guarding();
    }

    /** Whether its value must never be logged or echoed (ra.xml: {@code config-property-confidential}). */
    public boolean isSecret() {
        return kind() == Kind.SECRET;
    }

    /** The one-line documentation (ra.xml's description). */
    public String doc() {
        return spec.doc();
    }

    /** Whether this is the {@code session.*} map of pass-through properties. */
    public boolean isMap() {
        return kind() == Kind.MAP;
    }

    /** The setting whose {@link #key()} is {@code key}, not counting {@code session.} sub-keys. */
    public static Optional<ConnectionSetting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    /** The settings that travel as spec settings (not the identity, not {@code session.*}). */
    public static List<ConnectionSetting> overridable() {
        return Arrays.stream(values())
                .filter(s -> s.travel() == Travel.OVERRIDE || s.travel() == Travel.OVERRIDE_IF_ALLOWED)
                .toList();
    }

    /** The keys of the settings that travel as spec settings by default, comma-separated, in declaration order. */
    static String defaultAllowList() {
        return Arrays.stream(values())
                .filter(s -> s.travel() == Travel.OVERRIDE)
                .map(ConnectionSetting::key)
                .collect(Collectors.joining(", "));
    }
}

package dev.mailwire.jca;

import java.io.Serializable;
import java.util.Objects;

/**
 * The connection settings of a mailer as JCA config properties: boxed types and Strings, as the connector
 * specification requires, documented here where they are declared. Durations are ISO-8601 strings
 * ({@code PT10S}), like the MicroProfile Config keys of DESIGN §3 they mirror. {@link MailSettings} parses and
 * checks them; {@link SessionFactory} maps them to {@code mail.smtp.*}.
 *
 * <p>equals/hashCode cover every property: servers keep one pool per distinct factory, and IronJacamar's validator
 * requires it.
 */
public abstract class MailConnectionProperties implements Serializable {

    private static final long serialVersionUID = 1L;

    private String mailerName;
    private String host;
    private Integer port;
    private String tls = "STARTTLS";
    private String trustStore;
    private String trustStorePassword;
    private String trustStoreType;
    private String username;
    private String password;
    private String authMechanisms;
    private Boolean allowPlaintextAuth = Boolean.FALSE;
    private String connectTimeout = "PT10S";
    private String readTimeout = "PT60S";
    private String sendTimeout = "PT2M";
    private String sessionProperties;
    private String overridableSettings = RequestOverrides.DEFAULT;
    private String oauth2TokenEndpoint;
    private String oauth2ClientId;
    private String oauth2ClientSecret;
    private String oauth2Scope;
    private String oauth2RefreshToken;
    private String oauth2TokenTimeout = "PT10S";
    private String oauth2RefreshMargin = "PT60S";

    /** Called after any setter: cached sessions built from the old values must go. */
    protected abstract void settingsChanged();

    /** Copies every property of {@code source} into this object. */
    protected final void copyFrom(MailConnectionProperties source) {
        mailerName = source.mailerName;
        host = source.host;
        port = source.port;
        tls = source.tls;
        trustStore = source.trustStore;
        trustStorePassword = source.trustStorePassword;
        trustStoreType = source.trustStoreType;
        username = source.username;
        password = source.password;
        authMechanisms = source.authMechanisms;
        allowPlaintextAuth = source.allowPlaintextAuth;
        connectTimeout = source.connectTimeout;
        readTimeout = source.readTimeout;
        sendTimeout = source.sendTimeout;
        sessionProperties = source.sessionProperties;
        overridableSettings = source.overridableSettings;
        oauth2TokenEndpoint = source.oauth2TokenEndpoint;
        oauth2ClientId = source.oauth2ClientId;
        oauth2ClientSecret = source.oauth2ClientSecret;
        oauth2Scope = source.oauth2Scope;
        oauth2RefreshToken = source.oauth2RefreshToken;
        oauth2TokenTimeout = source.oauth2TokenTimeout;
        oauth2RefreshMargin = source.oauth2RefreshMargin;
        settingsChanged();
    }

    /**
     * Sets a property by its configuration key ({@code host}, {@code connect-timeout}, {@code session.mail.smtp.x});
     * this is how a {@link dev.mailwire.connector.MailConnectionSpec} overrides the factory's settings.
     *
     * @throws dev.mailwire.MailerConfigurationException for an unknown key or a non-numeric port
     */
    protected final void set(String key, String value) {
        String mailer = mailerName == null ? MailSettings.DEFAULT_MAILER : mailerName;
        if (key.startsWith("session.")) {
            if (value.indexOf(';') >= 0 || key.indexOf(';') >= 0 || key.indexOf('=') >= 0) {
                // Kept as key=value;key=value: a ';' would add a setting that was never allowed or checked as such.
                throw ConfigErrors.refused(
                        mailer, key, "a pass-through value cannot contain ';', nor a key ';' or '='.");
            }
            String entry = key.substring("session.".length()) + "=" + value;
            sessionProperties = sessionProperties == null ? entry : sessionProperties + ";" + entry;
            settingsChanged();
            return;
        }
        switch (key) {
            case "host" -> setHost(value);
            case "port" -> setPort(Values.integer(mailer, key, value));
            case "tls" -> setTls(value);
            case "trust-store" -> setTrustStore(value);
            case "trust-store-password" -> setTrustStorePassword(value);
            case "trust-store-type" -> setTrustStoreType(value);
            case "username" -> setUsername(value);
            case "password" -> setPassword(value);
            case "auth-mechanisms" -> setAuthMechanisms(value);
            case "allow-plaintext-auth" -> setAllowPlaintextAuth(Values.bool(mailer, key, value));
            case "connect-timeout" -> setConnectTimeout(value);
            case "read-timeout" -> setReadTimeout(value);
            case "send-timeout" -> setSendTimeout(value);
            case "oauth2.token-endpoint" -> setOauth2TokenEndpoint(value);
            case "oauth2.client-id" -> setOauth2ClientId(value);
            case "oauth2.client-secret" -> setOauth2ClientSecret(value);
            case "oauth2.scope" -> setOauth2Scope(value);
            case "oauth2.refresh-token" -> setOauth2RefreshToken(value);
            case "oauth2.token-timeout" -> setOauth2TokenTimeout(value);
            case "oauth2.refresh-margin" -> setOauth2RefreshMargin(value);
            default -> throw ConfigErrors.refused(mailer, key, "this is not a connection setting.");
        }
    }

    /** Name of the mailer, used in every error and log message. Default {@code <default>}. */
    public String getMailerName() {
        return mailerName;
    }

    public void setMailerName(String mailerName) {
        this.mailerName = mailerName;
        settingsChanged();
    }

    /** SMTP server host ({@code mail.smtp.host}). Required. */
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
        settingsChanged();
    }

    /** SMTP server port ({@code mail.smtp.port}). Default: 587 for STARTTLS, 465 for IMPLICIT, 25 for NONE. */
    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
        settingsChanged();
    }

    /**
     * {@code STARTTLS} (default; required: refused if the server does not offer it), {@code IMPLICIT} (TLS from
     * the first byte) or {@code NONE} (loopback only). Maps to {@code mail.smtp.starttls.enable/required} and
     * {@code mail.smtp.ssl.enable}.
     */
    public String getTls() {
        return tls;
    }

    public void setTls(String tls) {
        this.tls = tls;
        settingsChanged();
    }

    /** Path of a key store with the trust anchors for the server's certificate. Default: the JVM's trust store. */
    public String getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
        settingsChanged();
    }

    /** Password of the trust store, if it has one. */
    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
        settingsChanged();
    }

    /** Type of the trust store: {@code PKCS12} (default) or {@code JKS}. */
    public String getTrustStoreType() {
        return trustStoreType;
    }

    public void setTrustStoreType(String trustStoreType) {
        this.trustStoreType = trustStoreType;
        settingsChanged();
    }

    /** AUTH user name. Default: none (no AUTH). */
    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
        settingsChanged();
    }

    /** AUTH password (for XOAUTH2 without a token supplier: the access token). Never logged. */
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
        settingsChanged();
    }

    /**
     * AUTH mechanisms Mailwire may use, in order ({@code mail.smtp.auth.mechanisms}): {@code PLAIN LOGIN}
     * (default; PLAIN first, one round trip) or {@code XOAUTH2}.
     */
    public String getAuthMechanisms() {
        return authMechanisms;
    }

    public void setAuthMechanisms(String authMechanisms) {
        this.authMechanisms = authMechanisms;
        settingsChanged();
    }

    /** Allow AUTH with {@code tls=NONE}, which sends the password in clear. Default false. */
    public Boolean getAllowPlaintextAuth() {
        return allowPlaintextAuth;
    }

    public void setAllowPlaintextAuth(Boolean allowPlaintextAuth) {
        this.allowPlaintextAuth = allowPlaintextAuth;
        settingsChanged();
    }

    /** Bound on the TCP connect ({@code mail.smtp.connectiontimeout}). Default PT10S. */
    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
        settingsChanged();
    }

    /** Bound on each read and write ({@code mail.smtp.timeout}, {@code mail.smtp.writetimeout}). Default PT60S. */
    public String getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
        settingsChanged();
    }

    /**
     * Bound on one whole send, and on establishing a connection (TCP, TLS, AUTH); when it passes the socket is
     * closed. Default PT2M.
     */
    public String getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(String sendTimeout) {
        this.sendTimeout = sendTimeout;
        settingsChanged();
    }

    /**
     * Extra {@code mail.smtp.*} properties as {@code key=value;key=value}. Properties that decide TLS, AUTH,
     * timeouts or sockets are refused: use the settings above.
     */
    public String getSessionProperties() {
        return sessionProperties;
    }

    public void setSessionProperties(String sessionProperties) {
        this.sessionProperties = sessionProperties;
        settingsChanged();
    }

    /**
     * The settings an application's {@link dev.mailwire.connector.MailConnectionSpec} may override, by their keys
     * ({@code host}, {@code connect-timeout}, {@code session.*} or {@code session.mail.smtp.<key>}), separated by
     * commas or spaces; {@code none} allows nothing. Default: {@code host, port, tls, trust-store,
     * trust-store-password, trust-store-type, auth-mechanisms, connect-timeout, read-timeout, send-timeout}.
     * Whatever this allows, a spec that changes {@code host}, {@code port}, {@code tls}, the trust store or
     * {@code allow-plaintext-auth} must bring its own identity: this definition's credentials (and the container's)
     * only go to this definition's server. Not a Mailwire MicroProfile Config key: it is the operator's choice.
     */
    public String getOverridableSettings() {
        return overridableSettings;
    }

    public void setOverridableSettings(String overridableSettings) {
        this.overridableSettings = overridableSettings;
        settingsChanged();
    }

    /**
     * The OAuth2 issuer's token endpoint ({@code oauth2.token-endpoint}), e.g.
     * {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}. When set, the adapter fetches access
     * tokens itself and authenticates with XOAUTH2 or OAUTHBEARER as {@code username}; https, or http on loopback.
     */
    public String getOauth2TokenEndpoint() {
        return oauth2TokenEndpoint;
    }

    public void setOauth2TokenEndpoint(String oauth2TokenEndpoint) {
        this.oauth2TokenEndpoint = oauth2TokenEndpoint;
        settingsChanged();
    }

    /** The OAuth2 client id ({@code oauth2.client-id}). Required with a token endpoint. */
    public String getOauth2ClientId() {
        return oauth2ClientId;
    }

    public void setOauth2ClientId(String oauth2ClientId) {
        this.oauth2ClientId = oauth2ClientId;
        settingsChanged();
    }

    /** The OAuth2 client secret ({@code oauth2.client-secret}); sent only to the token endpoint. Never logged. */
    public String getOauth2ClientSecret() {
        return oauth2ClientSecret;
    }

    public void setOauth2ClientSecret(String oauth2ClientSecret) {
        this.oauth2ClientSecret = oauth2ClientSecret;
        settingsChanged();
    }

    /**
     * Scopes to ask for, separated by spaces ({@code oauth2.scope}), e.g. {@code https://outlook.office365.com/.default}
     * for Microsoft 365 with client credentials. Default: none (the issuer's default).
     */
    public String getOauth2Scope() {
        return oauth2Scope;
    }

    public void setOauth2Scope(String oauth2Scope) {
        this.oauth2Scope = oauth2Scope;
        settingsChanged();
    }

    /**
     * A refresh token ({@code oauth2.refresh-token}): when set, tokens come from the refresh-token grant (Google
     * style), else from client credentials. A rotated refresh token returned by the issuer replaces it for the life
     * of the pool. Never logged.
     */
    public String getOauth2RefreshToken() {
        return oauth2RefreshToken;
    }

    public void setOauth2RefreshToken(String oauth2RefreshToken) {
        this.oauth2RefreshToken = oauth2RefreshToken;
        settingsChanged();
    }

    /** Bound on one token request, connect to last byte ({@code oauth2.token-timeout}). Default PT10S. */
    public String getOauth2TokenTimeout() {
        return oauth2TokenTimeout;
    }

    public void setOauth2TokenTimeout(String oauth2TokenTimeout) {
        this.oauth2TokenTimeout = oauth2TokenTimeout;
        settingsChanged();
    }

    /**
     * How long before its expiry a token is replaced for new connections ({@code oauth2.refresh-margin}), at most
     * half its lifetime. Default PT60S.
     */
    public String getOauth2RefreshMargin() {
        return oauth2RefreshMargin;
    }

    public void setOauth2RefreshMargin(String oauth2RefreshMargin) {
        this.oauth2RefreshMargin = oauth2RefreshMargin;
        settingsChanged();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        MailConnectionProperties p = (MailConnectionProperties) o;
        return Objects.equals(mailerName, p.mailerName)
                && Objects.equals(host, p.host)
                && Objects.equals(port, p.port)
                && Objects.equals(tls, p.tls)
                && Objects.equals(trustStore, p.trustStore)
                && Objects.equals(trustStorePassword, p.trustStorePassword)
                && Objects.equals(trustStoreType, p.trustStoreType)
                && Objects.equals(username, p.username)
                && Objects.equals(password, p.password)
                && Objects.equals(authMechanisms, p.authMechanisms)
                && Objects.equals(allowPlaintextAuth, p.allowPlaintextAuth)
                && Objects.equals(connectTimeout, p.connectTimeout)
                && Objects.equals(readTimeout, p.readTimeout)
                && Objects.equals(sendTimeout, p.sendTimeout)
                && Objects.equals(sessionProperties, p.sessionProperties)
                && Objects.equals(overridableSettings, p.overridableSettings)
                && Objects.equals(oauth2TokenEndpoint, p.oauth2TokenEndpoint)
                && Objects.equals(oauth2ClientId, p.oauth2ClientId)
                && Objects.equals(oauth2ClientSecret, p.oauth2ClientSecret)
                && Objects.equals(oauth2Scope, p.oauth2Scope)
                && Objects.equals(oauth2RefreshToken, p.oauth2RefreshToken)
                && Objects.equals(oauth2TokenTimeout, p.oauth2TokenTimeout)
                && Objects.equals(oauth2RefreshMargin, p.oauth2RefreshMargin);
    }

    @Override
    public int hashCode() {
        // Not the password: hash codes can end up in logs and heap dumps; equals still compares it.
        return Objects.hash(
                mailerName,
                host,
                port,
                tls,
                trustStore,
                trustStoreType,
                username,
                authMechanisms,
                allowPlaintextAuth,
                connectTimeout,
                readTimeout,
                sendTimeout,
                sessionProperties,
                overridableSettings,
                oauth2TokenEndpoint,
                oauth2ClientId,
                oauth2Scope);
    }
}

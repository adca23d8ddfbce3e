package dev.mailwire.jca;

import static dev.mailwire.jca.settings.ConnectionSetting.*;

import dev.mailwire.jca.settings.ConnectionSetting;
import java.io.Serializable;

/**
 * The connection settings of a mailer as JCA config properties: one typed JavaBean accessor pair per
 * {@link ConnectionSetting}, which documents each (servers set config properties through these setters, and
 * IronJacamar's validator wants them boxed). The values live in {@link SettingValues}, so defaults, copying, setting
 * by key and equals/hashCode follow the table; {@link MailSettings} parses and checks them, {@link SessionFactory}
 * maps them to {@code mail.smtp.*}.
 *
 * <p>equals/hashCode cover every property: servers keep one pool per distinct factory, and IronJacamar's validator
 * requires it.
 */
public abstract class MailConnectionProperties implements Serializable {

    // 2: the values moved from one field per setting into SettingValues.
    private static final long serialVersionUID = 2L;

    private final SettingValues values = new SettingValues();

    /** Called after any setter: cached sessions built from the old values must go. */
    protected abstract void settingsChanged();

    /** Copies every property of {@code source} into this object. */
    protected final void copyFrom(MailConnectionProperties source) {
        values.copyFrom(source.values);
        settingsChanged();
    }

    /**
     * Sets a property by its configuration key ({@code host}, {@code connect-timeout}, {@code session.mail.smtp.x});
     * this is how a {@link dev.mailwire.connector.MailConnectionSpec} overrides the factory's settings.
     *
     * @throws dev.mailwire.MailerConfigurationException for an unknown key or a value not of the setting's type
     */
    protected final void set(String key, String value) {
        String mailer = getMailerName() == null ? MailSettings.DEFAULT_MAILER : getMailerName();
        if (key.startsWith("session.")) {
            if (value.indexOf(';') >= 0 || key.indexOf(';') >= 0 || key.indexOf('=') >= 0) {
                // Kept as key=value;key=value: a ';' would add a setting that was never allowed or checked as such.
                throw ConfigErrors.refused(JcaMessages.SESSION_SEPARATOR, mailer, key);
            }
            String entry = key.substring("session.".length()) + "=" + value;
            String before = getSessionProperties();
            setSessionProperties(before == null ? entry : before + ";" + entry);
            return;
        }
        values.setText(mailer, key, value);
        settingsChanged();
    }

    /** The value of {@code setting}, in its JavaBean type ({@link ConnectionSetting.Kind#beanType()}). */
    public final Object getValue(ConnectionSetting setting) {
        return values.get(setting);
    }

    /**
     * Sets {@code setting} to {@code value}, of the setting's JavaBean type: what the typed setter of the setting does,
     * for code that walks the {@link ConnectionSetting} table.
     *
     * @throws IllegalArgumentException for a value of another type
     */
    public final void setValue(ConnectionSetting setting, Object value) {
        put(setting, value);
    }

    private void put(ConnectionSetting setting, Object value) {
        values.put(setting, value);
        settingsChanged();
    }

    /** {@link ConnectionSetting#MAILER_NAME}. */
    public String getMailerName() {
        return values.get(MAILER_NAME, String.class);
    }

    public void setMailerName(String mailerName) {
        put(MAILER_NAME, mailerName);
    }

    /** {@link ConnectionSetting#HOST}. */
    public String getHost() {
        return values.get(HOST, String.class);
    }

    public void setHost(String host) {
        put(HOST, host);
    }

    /** {@link ConnectionSetting#PORT}. */
    public Integer getPort() {
        return values.get(PORT, Integer.class);
    }

    public void setPort(Integer port) {
        put(PORT, port);
    }

    /** {@link ConnectionSetting#TLS}. */
    public String getTls() {
        return values.get(TLS, String.class);
    }

    public void setTls(String tls) {
        put(TLS, tls);
    }

    /** {@link ConnectionSetting#TRUST_STORE}. */
    public String getTrustStore() {
        return values.get(TRUST_STORE, String.class);
    }

    public void setTrustStore(String trustStore) {
        put(TRUST_STORE, trustStore);
    }

    /** {@link ConnectionSetting#TRUST_STORE_PASSWORD}. */
    public String getTrustStorePassword() {
        return values.get(TRUST_STORE_PASSWORD, String.class);
    }

    public void setTrustStorePassword(String trustStorePassword) {
        put(TRUST_STORE_PASSWORD, trustStorePassword);
    }

    /** {@link ConnectionSetting#TRUST_STORE_TYPE}. */
    public String getTrustStoreType() {
        return values.get(TRUST_STORE_TYPE, String.class);
    }

    public void setTrustStoreType(String trustStoreType) {
        put(TRUST_STORE_TYPE, trustStoreType);
    }

    /** {@link ConnectionSetting#USERNAME}. */
    public String getUsername() {
        return values.get(USERNAME, String.class);
    }

    public void setUsername(String username) {
        put(USERNAME, username);
    }

    /** {@link ConnectionSetting#PASSWORD}. */
    public String getPassword() {
        return values.get(PASSWORD, String.class);
    }

    public void setPassword(String password) {
        put(PASSWORD, password);
    }

    /** {@link ConnectionSetting#AUTH_MECHANISMS}. */
    public String getAuthMechanisms() {
        return values.get(AUTH_MECHANISMS, String.class);
    }

    public void setAuthMechanisms(String authMechanisms) {
        put(AUTH_MECHANISMS, authMechanisms);
    }

    /** {@link ConnectionSetting#ALLOW_PLAINTEXT_AUTH}. */
    public Boolean getAllowPlaintextAuth() {
        return values.get(ALLOW_PLAINTEXT_AUTH, Boolean.class);
    }

    public void setAllowPlaintextAuth(Boolean allowPlaintextAuth) {
        put(ALLOW_PLAINTEXT_AUTH, allowPlaintextAuth);
    }

    /** {@link ConnectionSetting#PIPELINING}. */
    public Boolean getPipelining() {
        return values.get(PIPELINING, Boolean.class);
    }

    public void setPipelining(Boolean pipelining) {
        put(PIPELINING, pipelining);
    }

    /** {@link ConnectionSetting#CONNECT_TIMEOUT}. */
    public String getConnectTimeout() {
        return values.get(CONNECT_TIMEOUT, String.class);
    }

    public void setConnectTimeout(String connectTimeout) {
        put(CONNECT_TIMEOUT, connectTimeout);
    }

    /** {@link ConnectionSetting#READ_TIMEOUT}. */
    public String getReadTimeout() {
        return values.get(READ_TIMEOUT, String.class);
    }

    public void setReadTimeout(String readTimeout) {
        put(READ_TIMEOUT, readTimeout);
    }

    /** {@link ConnectionSetting#SEND_TIMEOUT}. */
    public String getSendTimeout() {
        return values.get(SEND_TIMEOUT, String.class);
    }

    public void setSendTimeout(String sendTimeout) {
        put(SEND_TIMEOUT, sendTimeout);
    }

    /** {@link ConnectionSetting#SESSION_PROPERTIES}. */
    public String getSessionProperties() {
        return values.get(SESSION_PROPERTIES, String.class);
    }

    public void setSessionProperties(String sessionProperties) {
        put(SESSION_PROPERTIES, sessionProperties);
    }

    /** {@link ConnectionSetting#OAUTH2_TOKEN_ENDPOINT}. */
    public String getOauth2TokenEndpoint() {
        return values.get(OAUTH2_TOKEN_ENDPOINT, String.class);
    }

    public void setOauth2TokenEndpoint(String oauth2TokenEndpoint) {
        put(OAUTH2_TOKEN_ENDPOINT, oauth2TokenEndpoint);
    }

    /** {@link ConnectionSetting#OAUTH2_CLIENT_ID}. */
    public String getOauth2ClientId() {
        return values.get(OAUTH2_CLIENT_ID, String.class);
    }

    public void setOauth2ClientId(String oauth2ClientId) {
        put(OAUTH2_CLIENT_ID, oauth2ClientId);
    }

    /** {@link ConnectionSetting#OAUTH2_CLIENT_SECRET}. */
    public String getOauth2ClientSecret() {
        return values.get(OAUTH2_CLIENT_SECRET, String.class);
    }

    public void setOauth2ClientSecret(String oauth2ClientSecret) {
        put(OAUTH2_CLIENT_SECRET, oauth2ClientSecret);
    }

    /** {@link ConnectionSetting#OAUTH2_CLIENT_ASSERTION_KEY_STORE}. */
    public String getOauth2ClientAssertionKeyStore() {
        return values.get(OAUTH2_CLIENT_ASSERTION_KEY_STORE, String.class);
    }

    public void setOauth2ClientAssertionKeyStore(String oauth2ClientAssertionKeyStore) {
        put(OAUTH2_CLIENT_ASSERTION_KEY_STORE, oauth2ClientAssertionKeyStore);
    }

    /** {@link ConnectionSetting#OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD}. */
    public String getOauth2ClientAssertionKeyStorePassword() {
        return values.get(OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD, String.class);
    }

    public void setOauth2ClientAssertionKeyStorePassword(String oauth2ClientAssertionKeyStorePassword) {
        put(OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD, oauth2ClientAssertionKeyStorePassword);
    }

    /** {@link ConnectionSetting#OAUTH2_CLIENT_ASSERTION_KEY_ALIAS}. */
    public String getOauth2ClientAssertionKeyAlias() {
        return values.get(OAUTH2_CLIENT_ASSERTION_KEY_ALIAS, String.class);
    }

    public void setOauth2ClientAssertionKeyAlias(String oauth2ClientAssertionKeyAlias) {
        put(OAUTH2_CLIENT_ASSERTION_KEY_ALIAS, oauth2ClientAssertionKeyAlias);
    }

    /** {@link ConnectionSetting#OAUTH2_SCOPE}. */
    public String getOauth2Scope() {
        return values.get(OAUTH2_SCOPE, String.class);
    }

    public void setOauth2Scope(String oauth2Scope) {
        put(OAUTH2_SCOPE, oauth2Scope);
    }

    /** {@link ConnectionSetting#OAUTH2_REFRESH_TOKEN}. */
    public String getOauth2RefreshToken() {
        return values.get(OAUTH2_REFRESH_TOKEN, String.class);
    }

    public void setOauth2RefreshToken(String oauth2RefreshToken) {
        put(OAUTH2_REFRESH_TOKEN, oauth2RefreshToken);
    }

    /** {@link ConnectionSetting#OAUTH2_TOKEN_TIMEOUT}. */
    public String getOauth2TokenTimeout() {
        return values.get(OAUTH2_TOKEN_TIMEOUT, String.class);
    }

    public void setOauth2TokenTimeout(String oauth2TokenTimeout) {
        put(OAUTH2_TOKEN_TIMEOUT, oauth2TokenTimeout);
    }

    /** {@link ConnectionSetting#OAUTH2_REFRESH_MARGIN}. */
    public String getOauth2RefreshMargin() {
        return values.get(OAUTH2_REFRESH_MARGIN, String.class);
    }

    public void setOauth2RefreshMargin(String oauth2RefreshMargin) {
        put(OAUTH2_REFRESH_MARGIN, oauth2RefreshMargin);
    }

    /** {@link ConnectionSetting#OVERRIDABLE_SETTINGS}. */
    public String getOverridableSettings() {
        return values.get(OVERRIDABLE_SETTINGS, String.class);
    }

    public void setOverridableSettings(String overridableSettings) {
        put(OVERRIDABLE_SETTINGS, overridableSettings);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o != null && o.getClass() == getClass() && values.equals(((MailConnectionProperties) o).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}

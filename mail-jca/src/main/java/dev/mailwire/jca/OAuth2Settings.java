package dev.mailwire.jca;

import static dev.mailwire.jca.settings.ConnectionSetting.*;

import dev.mailwire.jca.oauth.ClientAssertionKey;
import dev.mailwire.jca.oauth.OAuth2Config;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Parses the {@code oauth2.*} connection settings into an {@link OAuth2Config}, each problem naming its key. */
final class OAuth2Settings {

    private OAuth2Settings() {}

    /** The adapter's OAuth2 client settings, or null when {@code oauth2.token-endpoint} is not set. */
    static OAuth2Config parse(String mailer, MailConnectionProperties f) {
        String endpoint = MailSettings.blankToNull(f.getOauth2TokenEndpoint());
        if (endpoint == null) {
            for (String[] other : new String[][] {
                {OAUTH2_CLIENT_ID.key(), f.getOauth2ClientId()},
                {OAUTH2_CLIENT_SECRET.key(), f.getOauth2ClientSecret()},
                {OAUTH2_CLIENT_ASSERTION_KEY_STORE.key(), f.getOauth2ClientAssertionKeyStore()},
                {OAUTH2_REFRESH_TOKEN.key(), f.getOauth2RefreshToken()}
            }) {
                if (MailSettings.blankToNull(other[1]) != null) {
                    throw ConfigErrors.missing(mailer, OAUTH2_TOKEN_ENDPOINT.key());
                }
            }
            return null;
        }
        String clientId = MailSettings.blankToNull(f.getOauth2ClientId());
        if (clientId == null) {
            throw ConfigErrors.missing(mailer, OAUTH2_CLIENT_ID.key());
        }
        if (MailSettings.blankToNull(f.getUsername()) == null) {
            // XOAUTH2's user= and OAUTHBEARER's a= name the mailbox; the server checks it against the token.
            throw ConfigErrors.missing(mailer, USERNAME.key());
        }
        String refresh = MailSettings.blankToNull(f.getOauth2RefreshToken());
        String secret = MailSettings.blankToNull(f.getOauth2ClientSecret());
        ClientAssertionKey key = clientAssertionKey(mailer, f);
        if (secret != null && key != null) {
            throw ConfigErrors.refused(
                    JcaMessages.CLIENT_CREDENTIAL_TWICE, mailer, OAUTH2_CLIENT_ASSERTION_KEY_STORE.key());
        }
        if (refresh == null && secret == null && key == null) {
            throw ConfigErrors.missing(mailer, OAUTH2_CLIENT_SECRET.key());
        }
        return new OAuth2Config(
                mailer,
                endpoint(mailer, endpoint),
                clientId,
                secret,
                key,
                MailSettings.blankToNull(f.getOauth2Scope()),
                refresh,
                MailSettings.duration(mailer, OAUTH2_TOKEN_TIMEOUT.key(), f.getOauth2TokenTimeout()),
                MailSettings.duration(mailer, OAUTH2_REFRESH_MARGIN.key(), f.getOauth2RefreshMargin()));
    }

    /**
     * The client assertion key, read now (once per factory's settings, not per token request), or null when
     * {@code oauth2.client-assertion.key-store} is not set. Each problem names the key store setting and what is
     * wrong; never the password.
     */
    private static ClientAssertionKey clientAssertionKey(String mailer, MailConnectionProperties f) {
        String store = MailSettings.blankToNull(f.getOauth2ClientAssertionKeyStore());
        if (store == null) {
            for (String[] other : new String[][] {
                {OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD.key(), f.getOauth2ClientAssertionKeyStorePassword()},
                {OAUTH2_CLIENT_ASSERTION_KEY_ALIAS.key(), f.getOauth2ClientAssertionKeyAlias()}
            }) {
                if (MailSettings.blankToNull(other[1]) != null) {
                    throw ConfigErrors.missing(mailer, OAUTH2_CLIENT_ASSERTION_KEY_STORE.key());
                }
            }
            return null;
        }
        String password = f.getOauth2ClientAssertionKeyStorePassword();
        if (password == null) {
            throw ConfigErrors.missing(mailer, OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD.key());
        }
        try {
            return ClientAssertionKey.load(
                    Path.of(store.strip()),
                    password.toCharArray(),
                    MailSettings.blankToNull(f.getOauth2ClientAssertionKeyAlias()) == null
                            ? null
                            : f.getOauth2ClientAssertionKeyAlias().strip());
        } catch (ClientAssertionKey.Unusable e) {
            throw ConfigErrors.refused(
                    JcaMessages.CLIENT_KEY_UNUSABLE, mailer, OAUTH2_CLIENT_ASSERTION_KEY_STORE.key(), e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            throw ConfigErrors.refused(
                    JcaMessages.CLIENT_KEY_UNUSABLE,
                    mailer,
                    OAUTH2_CLIENT_ASSERTION_KEY_STORE.key(),
                    "'" + store + "' is not a file path");
        }
    }

    /** https; http only on loopback (a test issuer). No user info: the URL is shown in messages. */
    private static URI endpoint(String mailer, String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean ok = uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (scheme.equals("https") || (scheme.equals("http") && MailSettings.isLoopback(uri.getHost())));
            if (ok) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        // The value is not echoed: a URL with user info would carry a password.
        throw ConfigErrors.refused(JcaMessages.TOKEN_ENDPOINT_URL, mailer, OAUTH2_TOKEN_ENDPOINT.key());
    }
}

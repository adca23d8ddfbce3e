package dev.mailwire.cdi;

import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.util.HashMap;
import java.util.Map;

/**
 * The default mailer's keys for sending through the OAuth2 stack's Postfix with the adapter's client-credentials
 * client: everything but the client secret, which a test gives in environment-variable form
 * ({@value #SECRET_VARIABLE}).
 */
public final class OAuth2TestSettings {

    public static final String SECRET_VARIABLE = "MAILWIRE_MAILER_OAUTH2_CLIENT_SECRET";

    private OAuth2TestSettings() {}

    /** Tokens from the stack's own token endpoint. */
    public static Map<String, String> of(OAuthStack stack) {
        return of(stack, stack.tokenEndpoint("mail"));
    }

    /** Tokens from {@code tokenEndpoint}, e.g. one that is down. */
    public static Map<String, String> of(OAuthStack stack, String tokenEndpoint) {
        PrivatePostfix postfix = stack.postfix();
        Map<String, String> p = new HashMap<>();
        p.put("mailwire.mailer.host", postfix.host());
        p.put("mailwire.mailer.port", String.valueOf(postfix.port()));
        p.put("mailwire.mailer.from", postfix.address("app"));
        p.put("mailwire.mailer.trust-store", postfix.trustStore().toString());
        p.put("mailwire.mailer.trust-store-password", postfix.trustStorePassword());
        p.put("mailwire.mailer.trust-store-type", postfix.trustStoreType());
        p.put("mailwire.mailer.username", OAuthStack.serviceAccount(stack.clientId()));
        p.put("mailwire.mailer.oauth2.token-endpoint", tokenEndpoint);
        p.put("mailwire.mailer.oauth2.client-id", stack.clientId());
        return p;
    }
}

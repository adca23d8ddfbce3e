package dev.mailwire.it.support;

import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OAuth2 stack (Keycloak, Dovecot, Postfix) of one test class, on the ports and with the certificate that the
 * server's OAuth2 connection definition names ({@link OAuth2Definition}); stopped when the class ends. Skips the
 * class where the server module set up no such definition. Register it before {@link ServerTest}.
 */
public final class OAuthStackForServer implements ExecutionCondition, BeforeAllCallback {

    private static volatile OAuthStack instance;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return OAuth2Definition.connectionFactory().isPresent()
                ? ConditionEvaluationResult.enabled("the server has an OAuth2 connection definition")
                : ConditionEvaluationResult.disabled(ServerUnderTest.name()
                        + ": its module's build sets up no OAuth2 connection definition"
                        + " (mailwire.it.oauth2.connection-factory); docs/oauth2.md shows how to add one");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The class's own store: JUnit closes the holder (stops the stack) when the class ends.
        instance = context.getStore(ExtensionContext.Namespace.create(OAuthStackForServer.class))
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class)
                .stack;
    }

    /** The running stack; only after this extension's {@code beforeAll}. */
    public static OAuthStack stack() {
        OAuthStack s = instance;
        if (s == null) {
            throw new IllegalStateException("OAuthStackForServer has not run: register it on the test class");
        }
        return s;
    }

    private static final class Holder implements AutoCloseable {
        final OAuthStack stack = OAuthStack.start(
                Path.of(System.getProperty("mailwire.oauth-stack.dir", "target/oauth-stack"))
                        .toAbsolutePath(),
                OAuth2Definition.keycloakPort(),
                PrivatePostfix.builder()
                        .port(OAuth2Definition.smtpPort())
                        .certificates(OAuth2Definition.certificates()));

        @Override
        public void close() {
            stack.close();
            instance = null;
        }
    }
}

package dev.mailwire.it.support;

import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OAuth2 stack (Keycloak, Dovecot, Postfix) on the ports and with the certificate that the server's OAuth2
 * connection definition names ({@link OAuth2Definition}), once per test run: {@link OAuthStackForServerEarlyStart}
 * starts it in the background when the run begins and stops it when the run ends, so Keycloak's start overlaps the
 * server's boot and the tests before. Skips the class where the server module set up no such definition. Register it
 * before {@link ServerTest}.
 */
public final class OAuthStackForServer implements ExecutionCondition, BeforeAllCallback {

    /** Bounds a wait for the stack, which bounds Keycloak's start itself (5 minutes). */
    private static final long START_BOUND_SECONDS = 360;

    private static CompletableFuture<OAuthStack> stack;

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
        try {
            started(false).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The running stack; only after this extension's {@code beforeAll}. */
    public static OAuthStack stack() {
        CompletableFuture<OAuthStack> s;
        synchronized (OAuthStackForServer.class) {
            s = stack;
        }
        if (s == null || !s.isDone() || s.isCompletedExceptionally()) {
            throw new IllegalStateException("OAuthStackForServer has not run: register it on the test class");
        }
        return s.join();
    }

    /** Starts the stack on a daemon thread unless it is started already; returns at once. */
    static void startInBackground() {
        started(true);
    }

    /** Stops the stack if it was started, once its start has ended; the run's end. */
    static void stop() {
        CompletableFuture<OAuthStack> s;
        synchronized (OAuthStackForServer.class) {
            s = stack;
            stack = null;
        }
        if (s != null) {
            try {
                s.get(START_BOUND_SECONDS, TimeUnit.SECONDS).close();
            } catch (Exception e) {
                // It did not start: OAuthStack.start stopped what it had started.
            }
        }
    }

    private static CompletableFuture<OAuthStack> started(boolean inBackground) {
        CompletableFuture<OAuthStack> s;
        synchronized (OAuthStackForServer.class) {
            if (stack != null) {
                return stack;
            }
            s = stack = new CompletableFuture<>();
        }
        Runnable start = () -> {
            try {
                s.complete(OAuthStack.start(
                        Path.of(System.getProperty("mailwire.oauth-stack.dir", "target/oauth-stack"))
                                .toAbsolutePath(),
                        OAuth2Definition.keycloakPort(),
                        PrivatePostfix.builder()
                                .port(OAuth2Definition.smtpPort())
                                .certificates(OAuth2Definition.certificates())));
            } catch (Throwable e) {
                s.completeExceptionally(e);
            }
        };
        if (inBackground) {
            Thread starter = new Thread(start, "mailwire-oauth-stack-start");
            starter.setDaemon(true);
            starter.start();
        } else {
            start.run();
        }
        return s;
    }
}

package dev.mailwire.it.support;

import java.util.Arrays;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts {@link OAuthStackForServer}'s stack in the background when the test run begins, if the run holds a class
 * that registers it and the server module set up the OAuth2 definition; stops it when the run ends, whatever the
 * outcome. Keycloak's start (15 to 40 s on 2 cores) then overlaps the server's boot and the tests before the OAuth2
 * one instead of holding that one up. Registered through META-INF/services for the launcher of the failsafe JVM.
 */
public final class OAuthStackForServerEarlyStart implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (OAuth2Definition.connectionFactory().isPresent()
                && plan.countTestIdentifiers(OAuthStackForServerEarlyStart::usesTheStack) > 0) {
            OAuthStackForServer.startInBackground();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        OAuthStackForServer.stop();
    }

    private static boolean usesTheStack(TestIdentifier id) {
        return id.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getJavaClass())
                .map(type -> AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class).stream()
                        .anyMatch(extend -> Arrays.asList(extend.value()).contains(OAuthStackForServer.class)))
                .orElse(false);
    }
}

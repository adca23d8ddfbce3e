package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.ServerTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application whose {@code microprofile-config.properties} misspells a mailer key ({@code hots} for
 * {@code host}) does not deploy, and the server's deployment failure names the key: mail-cdi checks every key at
 * {@code AfterDeploymentValidation}, before the first send.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MisspelledKeyFailsDeploymentTest {

    @Deployment(name = "misspelled", managed = false, testable = false)
    static WebArchive misspelled() {
        return Apps.cdi(
                "misspelled", Apps.merge(Apps.mailer(null, "config"), Map.of("mailwire.mailer.hots", "127.0.0.1")));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void deploymentFailsNamingTheKey() {
        try {
            deployer.deploy("misspelled");
        } catch (Exception e) { // Arquillian's DeploymentException is checked, yet thrown through deploy()
            assertThat(messages(e)).contains("mailwire.mailer.hots");
            return;
        } finally {
            undeployQuietly();
        }
        fail("an application with the unknown key mailwire.mailer.hots deployed");
    }

    private void undeployQuietly() {
        try {
            deployer.undeploy("misspelled");
        } catch (RuntimeException e) {
            // never deployed: nothing to remove
        }
    }

    /** Every message of the chain: servers wrap the CDI DeploymentException in their own exceptions. */
    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }
}

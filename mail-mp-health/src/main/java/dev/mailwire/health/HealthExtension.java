package dev.mailwire.health;

import dev.mailwire.MailerConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adds the health checks and checks the {@code mailwire.health.*} settings when deployment ends, so a bad interval
 * fails the deployment rather than the first poll. The checks are added here, not discovered: the jar has no
 * beans.xml (a jar with an extension and no beans.xml is no bean archive), so it behaves the same in any discovery
 * mode, like mail-cdi.
 */
public class HealthExtension implements Extension {

    void addTypes(@Observes BeforeBeanDiscovery event, BeanManager bm) {
        for (Class<?> type : new Class<?>[] {MailerMonitors.class, ReadinessCheck.class, LivenessCheck.class}) {
            event.addAnnotatedType(bm.createAnnotatedType(type), type.getName());
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        for (String problem : HealthSettings.read(ConfigProvider.getConfig()).problems()) {
            event.addDeploymentProblem(new MailerConfigurationException(null, HealthKey.PREFIX, problem));
        }
    }
}

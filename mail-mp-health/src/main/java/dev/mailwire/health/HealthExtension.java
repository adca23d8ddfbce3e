package dev.mailwire.health;

import dev.mailwire.MailerConfigurationException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;

/**
 * Makes sure the health checks are beans, and checks the {@code mailwire.health.*} settings when deployment ends, so a
 * bad interval fails the deployment rather than the first poll.
 *
 * <p>The jar is a bean archive ({@code bean-discovery-mode="annotated"}) so that the checks are <em>discovered</em>:
 * WildFly's MicroProfile Health looks them up from its own module's bean manager, which sees the deployment's bean
 * archives but not the types an extension adds (WildFly puts those in a bean archive of their own that static modules
 * cannot see), so added checks were never called there. Where the jar is not scanned (Weld SE with discovery
 * disabled), the types discovery did not find are added here instead, so it behaves the same in any discovery mode.
 */
public class HealthExtension implements Extension {

    private static final List<Class<?>> TYPES =
            List.of(MailerMonitors.class, ReadinessCheck.class, LivenessCheck.class);

    private final Set<Class<?>> discovered = ConcurrentHashMap.newKeySet();

    void checkDiscovered(@Observes ProcessAnnotatedType<? extends HealthCheck> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    void monitorsDiscovered(@Observes ProcessAnnotatedType<MailerMonitors> event) {
        discovered.add(event.getAnnotatedType().getJavaClass());
    }

    void addUndiscovered(@Observes AfterTypeDiscovery event, BeanManager bm) {
        for (Class<?> type : TYPES) {
            if (!discovered.contains(type)) {
                event.addAnnotatedType(bm.createAnnotatedType(type), type.getName());
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation event) {
        for (String problem : HealthSettings.read(ConfigProvider.getConfig()).problems()) {
            event.addDeploymentProblem(new MailerConfigurationException(null, HealthKey.PREFIX, problem));
        }
    }
}

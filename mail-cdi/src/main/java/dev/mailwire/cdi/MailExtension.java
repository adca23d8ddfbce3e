package dev.mailwire.cdi;

import dev.mailwire.Mailer;
import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerName;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.config.ConfigScan;
import dev.mailwire.cdi.internal.config.DefinitionCheck;
import dev.mailwire.cdi.internal.config.MailerConfig;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import dev.mailwire.cdi.internal.config.MailerNames;
import dev.mailwire.cdi.internal.send.Jndi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mailwire's portable extension. It collects every {@code Mailer} injection point, adds one {@code Mailer} bean per
 * mailer name (each named injection point, each name configured under {@code mailwire.mailer.<name>.*}, and the
 * default mailer when it is injected or configured), and checks every setting of every mailer when deployment ends,
 * so a missing or invalid setting fails the deployment with the full key and the injection point, not the first
 * send.
 */
public class MailExtension implements Extension {

    /** Mailer name → where it is injected; the default mailer is {@link Mailer#DEFAULT_NAME}. */
    private final Map<String, List<String>> injected = new ConcurrentHashMap<>();

    private ConfigScan scan;
    private RuntimeException configFailure;
    private Set<String> names = Set.of();
    private volatile Map<String, MailerDefinition> definitions = Map.of();

    void addTypes(@Observes BeforeBeanDiscovery event, BeanManager bm) {
        // Added here, not discovered: the jar has no beans.xml, so it works in any discovery mode.
        event.addAnnotatedType(bm.createAnnotatedType(Mailers.class), Mailers.class.getName());
        event.addAnnotatedType(bm.createAnnotatedType(MockMailbox.class), MockMailbox.class.getName());
    }

    void collect(@Observes ProcessInjectionPoint<?, Mailer> event) {
        InjectionPoint ip = event.getInjectionPoint();
        String name = ip.getQualifiers().stream()
                .filter(MailerName.class::isInstance)
                .map(q -> ((MailerName) q).value())
                .findFirst()
                .orElse(Mailer.DEFAULT_NAME);
        injected.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()))
                .add(describe(ip));
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        Set<String> all = new TreeSet<>(injected.keySet());
        try {
            scan = ConfigScan.scan(config().getPropertyNames(), injected.keySet());
            all.addAll(scan.keysByMailer().keySet());
        } catch (RuntimeException e) {
            // No usable Config (no implementation on the class path): reported once deployment is validated.
            configFailure = e;
        }
        names = Collections.unmodifiableSet(all);
        for (String name : names) {
            event.addBean()
                    .types(Mailer.class, Object.class)
                    .qualifiers(qualifiers(name))
                    .scope(ApplicationScoped.class)
                    .beanClass(Mailers.class)
                    .id(MailExtension.class.getName() + "#" + name)
                    .produceWith(beans -> beans.select(Mailers.class).get().mailer(name));
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager bm) {
        if (configFailure != null) {
            event.addDeploymentProblem(configFailure);
            return;
        }
        Config config = config();
        Map<String, MailerDefinition> checked = new TreeMap<>();
        DefinitionCheck.Environment env = new DefinitionCheck.Environment() {
            @Override
            public boolean hasTokenSupplier(String mailer) {
                return !bm.getBeans(new TypeLiteral<Supplier<String>>() {}.getType(), MailerName.Literal.of(mailer))
                        .isEmpty();
            }

            @Override
            public Optional<String> connectionFactoryProblem(String jndiName) {
                return Jndi.problem(jndiName);
            }
        };
        for (String name : names) {
            List<String> points = injected.getOrDefault(name, List.of());
            var badName = MailerNames.problem(name);
            if (badName.isPresent()) {
                event.addDeploymentProblem(new MailerConfigurationException(
                        name,
                        MailerKey.PREFIX + name,
                        Messages.BAD_NAME.format(name, badName.get()) + Messages.injectedAt(points)));
                continue;
            }
            MailerConfig mailerConfig = MailerConfig.read(config, name, scan.keys(name));
            DefinitionCheck.Result result = DefinitionCheck.check(mailerConfig, points, env);
            result.problems().forEach(event::addDeploymentProblem);
            result.definition().ifPresent(d -> checked.put(name, d));
        }
        for (ConfigScan.UnknownKey unknown : scan.unknown()) {
            String hint = Messages.didYouMean(unknown.suggestion());
            event.addDeploymentProblem(new MailerConfigurationException(
                    null, unknown.property(), Messages.UNKNOWN_KEY.format(unknown.property(), hint)));
        }
        definitions = Collections.unmodifiableMap(checked);
    }

    /** The checked settings of mailer {@code name}, or null if there is no such mailer. */
    MailerDefinition definition(String name) {
        return definitions.get(name);
    }

    /** The names of all mailers. */
    Set<String> names() {
        return definitions.keySet();
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    private static Annotation[] qualifiers(String name) {
        if (MailerNames.isDefault(name)) {
            // Also @MailerName("<default>"), so Mailers-style code can select every mailer by name.
            return new Annotation[] {Default.Literal.INSTANCE, Any.Literal.INSTANCE, MailerName.Literal.of(name)};
        }
        return new Annotation[] {MailerName.Literal.of(name), Any.Literal.INSTANCE};
    }

    private static String describe(InjectionPoint ip) {
        // Class.member, as a stack trace shows it; a constructor as <init>.
        String member = ip.getMember() instanceof Constructor<?>
                ? "<init>"
                : ip.getMember().getName();
        String where = ip.getMember().getDeclaringClass().getName() + "." + member;
        return ip.getAnnotated() instanceof AnnotatedParameter<?> p ? where + " parameter " + p.getPosition() : where;
    }
}

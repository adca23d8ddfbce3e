package dev.mailwire.cdi.testkit;

import dev.mailwire.MailerName;
import dev.mailwire.cdi.MailExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Runs {@link MailwireTest}: one container per test method, so no mail or state leaks between tests. */
public final class MailwireTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The sender of mail that sets none; {@code .invalid} can never be delivered (RFC 2606). */
    static final String TEST_FROM = "mailwire-test@example.invalid";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MailwireTestExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        MailwireTest settings = context.getRequiredTestClass().getAnnotation(MailwireTest.class);
        Config config = config(settings);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
        resolver.registerConfig(config, loader);
        WeldContainer container;
        try {
            container = new Weld()
                    .containerId("mailwire-test-" + context.getUniqueId().hashCode())
                    .disableDiscovery()
                    .addExtension(new MailExtension())
                    .addBeanClasses(settings.beans())
                    .initialize();
        } catch (RuntimeException e) {
            resolver.releaseConfig(config);
            throw e;
        }
        CreationalContext<Object> injected = container.getBeanManager().createCreationalContext(null);
        context.getStore(NAMESPACE).put(Running.class, new Running(container, config, injected));
        injectFields(container.getBeanManager(), context.getRequiredTestInstance(), injected);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).remove(Running.class, Running.class);
        if (running != null) {
            try {
                running.injected().release();
                running.container().close();
            } finally {
                ConfigProviderResolver.instance().releaseConfig(running.config());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // Test methods only: constructors run before the container exists.
        return parameter.getDeclaringExecutable() instanceof java.lang.reflect.Method
                && context.getTestMethod().isPresent()
                && running(context)
                        .container()
                        .select(parameter.getParameter().getType(), qualifiers(parameter))
                        .isResolvable();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return running(context)
                    .container()
                    .select(parameter.getParameter().getType(), qualifiers(parameter))
                    .get();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Cannot resolve " + parameter.getParameter(), e);
        }
    }

    private static Running running(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new ParameterResolutionException("No Mailwire container: is the class annotated @MailwireTest?");
        }
        return running;
    }

    private static Annotation[] qualifiers(ParameterContext parameter) {
        return parameter
                .findAnnotation(MailerName.class)
                .map(q -> new Annotation[] {q})
                .orElse(new Annotation[0]);
    }

    /** Every mailer in mock mode with a test sender; the test's own settings win. */
    private static Config config(MailwireTest settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mailwire.mailer.mock", "true");
        properties.put("mailwire.mailer.from", TEST_FROM);
        for (String name : settings.mailers()) {
            properties.put("mailwire.mailer." + name + ".mock", "true");
            properties.put("mailwire.mailer." + name + ".from", TEST_FROM);
        }
        Arrays.stream(settings.config()).forEach(entry -> {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@MailwireTest config entries are key=value, not " + entry);
            }
            properties.put(
                    entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        });
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "@MailwireTest", 500))
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void injectFields(BeanManager bm, Object testInstance, CreationalContext<Object> cc) {
        boolean injects = Arrays.stream(testInstance.getClass().getDeclaredFields())
                .anyMatch(f -> f.isAnnotationPresent(Inject.class));
        if (!injects) {
            return;
        }
        InjectionTarget target = bm.getInjectionTargetFactory(bm.createAnnotatedType(testInstance.getClass()))
                .createInjectionTarget(null);
        target.inject(testInstance, cc);
    }

    /** The container of one test, its config, and what holds the test instance's dependent injections. */
    private record Running(WeldContainer container, Config config, CreationalContext<Object> injected) {}
}

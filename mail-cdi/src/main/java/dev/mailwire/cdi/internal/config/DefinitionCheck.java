package dev.mailwire.cdi.internal.config;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.outbox.TransactionSettings;
import dev.mailwire.cdi.internal.send.RecipientGuard;
import dev.mailwire.cdi.internal.send.Rendering;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks every setting of one mailer at deployment and builds its {@link MailerDefinition}. Connection and pool
 * settings are checked by the resource adapter's own rules ({@code MailManagedConnectionFactory.validate()},
 * {@code PoolSettings}); this class checks the keys only the CDI layer reads.
 */
public final class DefinitionCheck {

    /** The keys the server's connection definition holds when {@code connection-factory} is used. */
    private static final Set<MailerKey> ADAPTER_KEYS = adapterKeys();

    private static final Logger LOG = Logger.getLogger(DefinitionCheck.class.getName());

    /** What the deployment offers besides configuration: beans and JNDI. */
    public interface Environment {
        /** Whether a {@code Supplier<String>} bean qualified {@code @MailerName(mailer)} exists. */
        boolean hasTokenSupplier(String mailer);

        /** Why {@code jndiName} cannot be used as a connection factory, or empty when it can. */
        Optional<String> connectionFactoryProblem(String jndiName);
    }

    /** The definition, when the settings hold no problem, and the problems. */
    public record Result(Optional<MailerDefinition> definition, List<MailerConfigurationException> problems) {}

    private DefinitionCheck() {}

    public static Result check(MailerConfig c, List<String> injectionPoints, Environment env) {
        String name = c.mailer();
        Problems problems = new Problems(name, injectionPoints);
        if (c.isEmpty()) {
            String prefix = MailerKey.propertyPrefix(name);
            problems.add(c.property(MailerKey.HOST), Messages.NOT_CONFIGURED.format(name, prefix, prefix, prefix));
            return new Result(Optional.empty(), problems.list());
        }
        Values values = new Values(c, problems);
        boolean mock = values.bool(MailerKey.MOCK).orElse(false);
        checkRendering(c, problems);
        DkimSettings.read(c, problems::add);
        long maxSize = values.longValue(MailerKey.MAX_MESSAGE_SIZE, 1).orElse(defaultOf(MailerKey.MAX_MESSAGE_SIZE));
        RecipientGuard guard = guard(c, problems);
        MailerDefinition.Transactional transactional = values.choice(MailerKey.TRANSACTIONAL, "auto", "never")
                .map(t -> MailerDefinition.Transactional.valueOf(t.toUpperCase(Locale.ROOT)))
                .orElse(MailerDefinition.Transactional.AUTO);
        int queue = values.integer(MailerKey.ASYNC_QUEUE_SIZE, 1).orElse((int) defaultOf(MailerKey.ASYNC_QUEUE_SIZE));
        Optional<String> jndi = c.get(MailerKey.CONNECTION_FACTORY);
        PoolSettings pool = null;
        if (mock) {
            // A mock over real settings (a test profile) still catches their typos; a mock alone needs no host.
            if (c.isSet(MailerKey.HOST)) {
                checkAdapter(c, values, env, problems);
            }
        } else if (jndi.isPresent()) {
            env.connectionFactoryProblem(jndi.get())
                    .ifPresent(why -> problems.add(
                            c.property(MailerKey.CONNECTION_FACTORY),
                            Messages.CONNECTION_FACTORY_NOT_FOUND.format(
                                    name, c.property(MailerKey.CONNECTION_FACTORY), jndi.get(), why)));
            checkRequestSettings(c, values, env, problems);
            warnUnused(c);
        } else {
            checkAdapter(c, values, env, problems);
            pool = AdapterSettings.pool(c, values, problems).orElse(null);
        }
        if (transactional == MailerDefinition.Transactional.AUTO) {
            // The outbox.* keys fail the deployment too, not the first transactional send.
            TransactionSettings.check(c, problems, pool == null ? 2 : pool.maxSize());
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems.list());
        }
        return new Result(
                Optional.of(new MailerDefinition(c, mock, jndi, maxSize, guard, transactional, queue, pool)),
                List.of());
    }

    private static void checkAdapter(MailerConfig c, Values values, Environment env, Problems problems) {
        boolean xoauth2 = c.get(MailerKey.AUTH_MECHANISMS)
                .map(m -> m.toUpperCase(Locale.ROOT).contains("XOAUTH2")
                        || m.toUpperCase(Locale.ROOT).contains("OAUTHBEARER"))
                .orElse(false);
        boolean tokens = xoauth2 && env.hasTokenSupplier(c.mailer());
        boolean ownClient = c.isSet(MailerKey.OAUTH2_TOKEN_ENDPOINT);
        if (xoauth2 && !tokens && !ownClient && !c.isSet(MailerKey.PASSWORD)) {
            problems.add(
                    c.property(MailerKey.AUTH_MECHANISMS),
                    Messages.NO_TOKEN_SUPPLIER.format(c.mailer(), c.property(MailerKey.AUTH_MECHANISMS), c.mailer()));
            return;
        }
        try (MailManagedConnectionFactory f = AdapterSettings.factory(c, values, tokens ? () -> "" : null)) {
            AdapterSettings.validate(c, f, problems);
        }
    }

    /**
     * With a server's connection factory, the connection keys the application sets travel with each request and
     * override the connection definition's; their values are checked now. The definition may hold the host, so a
     * placeholder stands in for a missing one while checking.
     */
    private static void checkRequestSettings(MailerConfig c, Values values, Environment env, Problems problems) {
        String jndi = c.property(MailerKey.CONNECTION_FACTORY);
        for (MailerKey key : AdapterSettings.OAUTH2_KEYS) {
            if (c.isSet(key)) {
                problems.add(c.property(key), Messages.OAUTH2_IN_SERVER.format(c.mailer(), c.property(key), jndi));
            }
        }
        if (env.hasTokenSupplier(c.mailer())) {
            problems.add(
                    c.property(MailerKey.AUTH_MECHANISMS),
                    Messages.TOKEN_SUPPLIER_IN_SERVER.format(c.mailer(), c.mailer(), jndi, jndi));
        }
        boolean any = AdapterSettings.REQUEST_KEYS.stream().anyMatch(c::isSet) || c.isSet(MailerKey.USERNAME);
        if (!any) {
            return;
        }
        try (MailManagedConnectionFactory f = AdapterSettings.factory(c, values, null)) {
            if (!c.isSet(MailerKey.HOST)) {
                f.setHost("localhost");
            }
            if (f.getUsername() != null && f.getPassword() == null) {
                f.setPassword(""); // the server's definition may hold it; only the shape is checked here
            }
            AdapterSettings.validate(c, f, problems);
        }
    }

    /** {@code from} and {@code message-id-domain} are the renderer's to check. */
    private static void checkRendering(MailerConfig c, Problems problems) {
        try {
            Rendering.renderer(c.mailer(), c);
        } catch (MailerConfigurationException e) {
            problems.fromAdapter(c, e);
        }
    }

    private static RecipientGuard guard(MailerConfig c, Problems problems) {
        Optional<String> value = c.get(MailerKey.APPROVED_RECIPIENTS);
        if (value.isEmpty()) {
            return RecipientGuard.NONE;
        }
        try {
            return RecipientGuard.parse(value.get());
        } catch (PatternSyntaxException e) {
            problems.invalid(
                    c.property(MailerKey.APPROVED_RECIPIENTS),
                    e.getPattern(),
                    "regular expressions separated by commas (" + e.getDescription() + ")");
            return RecipientGuard.NONE;
        }
    }

    private static void warnUnused(MailerConfig c) {
        String unused = ADAPTER_KEYS.stream().filter(c::isSet).map(c::property).collect(Collectors.joining(", "));
        if (!unused.isEmpty()) {
            LOG.warning(Messages.SETTINGS_UNUSED.format(c.mailer(), c.property(MailerKey.CONNECTION_FACTORY), unused));
        }
    }

    private static Set<MailerKey> adapterKeys() {
        // With a server's connection factory only the pool keys go unused: the server's pool has its own.
        return Collections.unmodifiableSet(EnumSet.range(MailerKey.POOL_MAX_SIZE, MailerKey.POOL_VALIDATE_AFTER_IDLE));
    }

    private static long defaultOf(MailerKey key) {
        return Long.parseLong(key.defaultValue().orElseThrow());
    }
}

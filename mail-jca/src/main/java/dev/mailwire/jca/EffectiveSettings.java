package dev.mailwire.jca;

import java.util.Map;

/**
 * A factory's settings with a connection spec's overrides applied: what one group of pooled connections is made
 * with when the application, not the server's connection definition, holds the settings (DESIGN §4, "settings in
 * a server"). Only keys the operator allows are applied ({@link RequestOverrides}).
 */
final class EffectiveSettings extends MailConnectionProperties {

    private static final long serialVersionUID = 1L;

    private EffectiveSettings() {}

    /**
     * The settings made from {@code factory} and {@code overrides}, and whether the overrides move the connection
     * elsewhere or change its protection.
     *
     * @throws dev.mailwire.MailerConfigurationException naming the key the operator does not allow, or a bad value
     */
    static Resolved of(MailManagedConnectionFactory factory, Map<String, String> overrides) {
        RequestOverrides.checkAllowed(factory.mailer(), factory.getOverridableSettings(), overrides);
        EffectiveSettings s = new EffectiveSettings();
        s.copyFrom(factory);
        overrides.forEach(s::set);
        return new Resolved(MailSettings.of(s, factory.getTokenSupplier()), RequestOverrides.redirection(factory, s));
    }

    /**
     * @param settings the parsed settings for the connections
     * @param redirectedKey the first destination or security key the spec changed, or null
     */
    record Resolved(MailSettings settings, String redirectedKey) {}

    @Override
    protected void settingsChanged() {
        // nothing cached here
    }
}

package dev.mailwire.jca;

import dev.mailwire.connector.MailConnectionSpec;
import java.util.Map;

/**
 * A factory's settings with a connection spec's overrides applied: what one group of pooled connections is made
 * with when the application, not the server's connection definition, holds the settings (DESIGN §4, "settings in
 * a server").
 */
final class EffectiveSettings extends MailConnectionProperties {

    private static final long serialVersionUID = 1L;

    private EffectiveSettings() {}

    static MailSettings of(MailManagedConnectionFactory factory, Map<String, String> overrides) {
        EffectiveSettings s = new EffectiveSettings();
        s.copyFrom(factory);
        overrides.forEach(s::set);
        return MailSettings.of(s, factory.getTokenSupplier());
    }

    static MailSettings of(MailManagedConnectionFactory factory, MailConnectionSpec spec) {
        return of(factory, spec.settings());
    }

    @Override
    protected void settingsChanged() {
        // nothing cached here
    }
}

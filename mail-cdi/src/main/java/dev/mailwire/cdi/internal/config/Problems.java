package dev.mailwire.cdi.internal.config;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.internal.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration problems found for one mailer. Each becomes a deployment problem naming the full key; the
 * injection points of the mailer are appended so the reader finds the code that needs it.
 */
public final class Problems {

    private final String mailer;
    private final String injectedAt;
    private final List<MailerConfigurationException> found = new ArrayList<>();

    public Problems(String mailer, List<String> injectionPoints) {
        this.mailer = mailer;
        this.injectedAt = Messages.injectedAt(injectionPoints);
    }

    public void add(String property, String message) {
        found.add(new MailerConfigurationException(mailer, property, message + injectedAt));
    }

    void invalid(String property, String value, String expected) {
        add(property, Messages.INVALID_VALUE.format(mailer, property, value, expected));
    }

    /**
     * A problem reported by the resource adapter or the pool, whose key is below the mailer's prefix
     * ({@code port}, {@code pool.max-size}); its message is kept, the key in it made the full property name.
     */
    void fromAdapter(MailerConfig config, MailerConfigurationException e) {
        String property = config.property(e.key());
        String message = String.valueOf(e.getMessage()).replace("'" + e.key() + "'", "'" + property + "'");
        add(
                property,
                message.contains(property)
                        ? Messages.ADAPTER_SETTING.id() + " " + message
                        : Messages.ADAPTER_SETTING.format(property, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<MailerConfigurationException> list() {
        return List.copyOf(found);
    }
}

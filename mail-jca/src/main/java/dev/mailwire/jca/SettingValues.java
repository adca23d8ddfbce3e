package dev.mailwire.jca;

import dev.mailwire.jca.settings.ConnectionSetting;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a factory's connection settings, one per {@link ConnectionSetting}, each in the setting's JavaBean
 * type. What every setting needs the same way (its default, copying, setting by key, equality) is done here once, from
 * the table, so a new setting needs no line in any of them.
 */
final class SettingValues implements Serializable {

    private static final long serialVersionUID = 1L;

    private final EnumMap<ConnectionSetting, Object> values = new EnumMap<>(ConnectionSetting.class);

    /** Every setting at its default. */
    SettingValues() {
        for (ConnectionSetting s : ConnectionSetting.values()) {
            values.put(s, s.defaultBeanValue());
        }
    }

    <T> T get(ConnectionSetting setting, Class<T> type) {
        return type.cast(values.get(setting));
    }

    Object get(ConnectionSetting setting) {
        return values.get(setting);
    }

    void put(ConnectionSetting setting, Object value) {
        if (value != null && !setting.kind().beanType().isInstance(value)) {
            throw new IllegalArgumentException(
                    setting.property() + " takes a " + setting.kind().beanType());
        }
        values.put(setting, value);
    }

    void copyFrom(SettingValues source) {
        values.putAll(source.values);
    }

    /**
     * Sets the setting of configuration key {@code key} (not {@code session.*}) from text, in the setting's type.
     *
     * @throws dev.mailwire.MailerConfigurationException for a key that is no configuration key, or a value that is
     *     not of the setting's type
     */
    void setText(String mailer, String key, String value) {
        ConnectionSetting setting = ConnectionSetting.byKey(key)
                .filter(s -> s.isConfigKey() && !s.isMap())
                .orElseThrow(() -> ConfigErrors.refused(mailer, key, "this is not a connection setting."));
        Object typed = switch (setting.kind()) {
            case INTEGER -> Values.integer(mailer, key, value);
            case BOOLEAN -> Values.bool(mailer, key, value);
            default -> value;
        };
        put(setting, typed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        // Not the secrets: hash codes can end up in logs and heap dumps; equals still compares them.
        int h = 1;
        for (Map.Entry<ConnectionSetting, Object> e : values.entrySet()) {
            h = 31 * h + (e.getKey().isSecret() ? 0 : Objects.hashCode(e.getValue()));
        }
        return h;
    }
}

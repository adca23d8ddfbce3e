package dev.mailwire.jca.settings;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The description of one {@link ConnectionSetting}, written as a chain so each entry of the table reads as a
 * sentence and names only what differs from the common case (a MicroProfile Config key, no default, no
 * {@code mail.smtp.*} property, held by the connection definition only).
 */
final class SettingSpec {

    private final String key;
    private final String property;
    private final ConnectionSetting.Kind kind;
    private boolean configKey = true;
    // A supplier: the default allow-list is made from the other entries, which do not exist yet while the enum is
    // built.
    private Supplier<String> defaultValue = () -> null;
    private String documentedDefault;
    private List<String> smtp = List.of();
    private ConnectionSetting.Travel travel = ConnectionSetting.Travel.NEVER;
    private boolean guardsCredentials;
    private String doc;

    private SettingSpec(String key, String property, ConnectionSetting.Kind kind) {
        this.key = Objects.requireNonNull(key);
        this.property = Objects.requireNonNull(property);
        this.kind = Objects.requireNonNull(kind);
    }

    static SettingSpec setting(String key, String property, ConnectionSetting.Kind kind) {
        return new SettingSpec(key, property, kind);
    }

    SettingSpec notAConfigKey() {
        configKey = false;
        return this;
    }

    SettingSpec defaultValue(String value) {
        return defaultValue(() -> value);
    }

    SettingSpec defaultValue(Supplier<String> value) {
        defaultValue = value;
        return this;
    }

    /** What the reference table shows when no value is the default: {@code by tls: 587 / 465 / 25}. */
    SettingSpec documentedDefault(String text) {
        documentedDefault = text;
        return this;
    }

    SettingSpec smtp(String... properties) {
        smtp = List.of(properties);
        return this;
    }

    SettingSpec travels(ConnectionSetting.Travel how) {
        travel = how;
        return this;
    }

    SettingSpec guardsCredentials() {
        guardsCredentials = true;
        return this;
    }

    SettingSpec doc(String line) {
        doc = line;
        return this;
    }

    String key() {
        return key;
    }

    String property() {
        return property;
    }

    ConnectionSetting.Kind kind() {
        return kind;
    }

    boolean configKey() {
        return configKey;
    }

    Supplier<String> defaultValue() {
        return defaultValue;
    }

    String documentedDefault() {
        return documentedDefault;
    }

    List<String> smtp() {
        return smtp;
    }

    ConnectionSetting.Travel travel() {
        return travel;
    }

    boolean guarding() {
        return guardsCredentials;
    }

    String doc() {
        return Objects.requireNonNull(doc, key + " has no doc line");
    }
}

package dev.mailwire.jca.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.settings.ConnectionSetting;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The managed connection factory's config properties, as a server finds them (JavaBeans introspection), are exactly
 * the {@link ConnectionSetting} table's: same names, same types, and a new factory holds each default.
 */
class ConfigPropertiesFollowConnectionSettingsTest {

    @Test
    void namesAndTypesAreTheTables() {
        Map<String, Class<?>> beans = new TreeMap<>();
        for (PropertyDescriptor p : ConfigProperties.of(MailManagedConnectionFactory.class)) {
            beans.put(capitalized(p.getName()), p.getPropertyType());
        }
        Map<String, Class<?>> table = Arrays.stream(ConnectionSetting.values())
                .collect(Collectors.toMap(
                        ConnectionSetting::property, s -> s.kind().beanType(), (a, b) -> a, TreeMap::new));
        assertThat(beans).containsExactlyEntriesOf(table);
    }

    @Test
    void aNewFactoryHoldsTheDefaults() throws Exception {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        for (PropertyDescriptor p : ConfigProperties.of(MailManagedConnectionFactory.class)) {
            ConnectionSetting s = Arrays.stream(ConnectionSetting.values())
                    .filter(c -> c.property().equals(capitalized(p.getName())))
                    .findFirst()
                    .orElseThrow();
            assertThat(p.getReadMethod().invoke(f)).as(s.property()).isEqualTo(s.defaultBeanValue());
        }
    }

    private static String capitalized(String beanName) {
        return Character.toUpperCase(beanName.charAt(0)) + beanName.substring(1);
    }
}

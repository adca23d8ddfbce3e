package dev.mailwire.jca.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MailManagedConnectionFactory;
import java.beans.PropertyDescriptor;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** IronJacamar's validator rule: config properties use the boxed types and String the connector spec allows. */
class ConfigPropertyTypesTest {

    private static final Set<Class<?>> ALLOWED = Set.of(
            String.class,
            Boolean.class,
            Integer.class,
            Long.class,
            Double.class,
            Byte.class,
            Short.class,
            Float.class,
            Character.class);

    @Test
    void everyConfigPropertyHasAnAllowedBoxedType() {
        var properties = ConfigProperties.of(MailManagedConnectionFactory.class);
        assertThat(properties).hasSizeGreaterThanOrEqualTo(15);
        for (PropertyDescriptor p : properties) {
            assertThat(ALLOWED).as(p.getName()).contains(p.getPropertyType());
        }
    }
}

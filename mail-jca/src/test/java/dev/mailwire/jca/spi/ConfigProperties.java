package dev.mailwire.jca.spi;

import dev.mailwire.jca.MailConnectionProperties;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.List;

/** The JCA config properties of the managed connection factory, found the way servers find them: by JavaBeans. */
final class ConfigProperties {

    private ConfigProperties() {}

    static List<PropertyDescriptor> of(Class<?> type) {
        try {
            return Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
                    .filter(p -> p.getWriteMethod() != null && p.getReadMethod() != null)
                    .filter(p -> p.getWriteMethod().getDeclaringClass() == MailConnectionProperties.class)
                    .toList();
        } catch (IntrospectionException e) {
            throw new AssertionError(e);
        }
    }

    /** A value of the property's type different from {@code current}. */
    static Object otherValue(PropertyDescriptor p, Object current) {
        Class<?> t = p.getPropertyType();
        if (t == String.class) {
            return current + "-other";
        }
        if (t == Integer.class) {
            return current == null ? 2525 : (Integer) current + 1;
        }
        if (t == Boolean.class) {
            return !Boolean.TRUE.equals(current);
        }
        throw new AssertionError("unexpected config property type " + t + " of " + p.getName());
    }
}

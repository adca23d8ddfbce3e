package dev.mailwire.jca.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MailManagedConnectionFactory;
import java.beans.PropertyDescriptor;
import org.junit.jupiter.api.Test;

/**
 * IronJacamar's validator rule, and what servers rely on to keep one pool per factory: equals and hashCode over
 * every config property.
 */
class ManagedConnectionFactoryEqualityTest {

    @Test
    void factoriesWithTheSameSettingsAreEqual() {
        MailManagedConnectionFactory a = configured();
        MailManagedConnectionFactory b = configured();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void everyConfigPropertyTakesPartInEquals() throws Exception {
        for (PropertyDescriptor p : ConfigProperties.of(MailManagedConnectionFactory.class)) {
            MailManagedConnectionFactory a = configured();
            MailManagedConnectionFactory b = configured();
            Object current = p.getReadMethod().invoke(b);
            p.getWriteMethod().invoke(b, ConfigProperties.otherValue(p, current));
            assertThat(a).as("differs in " + p.getName()).isNotEqualTo(b);
        }
    }

    @Test
    void differentTokenSuppliersMakeDifferentFactories() {
        MailManagedConnectionFactory a = configured();
        MailManagedConnectionFactory b = configured();
        a.setTokenSupplier(() -> "token-a");
        b.setTokenSupplier(() -> "token-b");
        assertThat(a).isNotEqualTo(b);
    }

    private static MailManagedConnectionFactory configured() {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("billing");
        f.setHost("smtp.example.test");
        f.setPort(587);
        f.setUsername("alice");
        f.setPassword("secret");
        f.setTrustStore("/tmp/trust.p12");
        f.setTrustStorePassword("changeit");
        f.setTrustStoreType("PKCS12");
        f.setAuthMechanisms("PLAIN");
        f.setSessionProperties("mail.smtp.localhost=app1");
        return f;
    }
}

package dev.mailwire.jca.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MailResourceAdapter;
import org.junit.jupiter.api.Test;

/** IronJacamar's validator rule: the resource adapter implements equals and hashCode (over its config properties). */
class ResourceAdapterEqualityTest {

    @Test
    void adaptersWithTheSameSettingsAreEqual() throws Exception {
        MailResourceAdapter a = new MailResourceAdapter();
        MailResourceAdapter b = new MailResourceAdapter();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(MailResourceAdapter.class.getMethod("equals", Object.class).getDeclaringClass())
                .isEqualTo(MailResourceAdapter.class);
        assertThat(MailResourceAdapter.class.getMethod("hashCode").getDeclaringClass())
                .isEqualTo(MailResourceAdapter.class);
    }
}

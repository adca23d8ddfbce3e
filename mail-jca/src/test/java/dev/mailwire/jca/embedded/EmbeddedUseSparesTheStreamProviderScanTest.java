package dev.mailwire.jca.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MailManagedConnectionFactory;
import jakarta.mail.util.StreamProvider;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Used without a resource adapter, Mailwire names Angus's StreamProvider in the system property jakarta.mail-api
 * reads first, so encoding a message no longer scans the class path; a value the application set is kept.
 */
class EmbeddedUseSparesTheStreamProviderScanTest {

    private static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    /** A connection manager that never connects: the factory's own start-up is what is under test. */
    static final class Unused implements ConnectionManager {
        private static final long serialVersionUID = 1L;

        @Override
        public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo cri) {
            throw new UnsupportedOperationException();
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void setsAngusProviderWhenUnset() throws Exception {
        System.clearProperty(PROPERTY);
        try (MailManagedConnectionFactory mcf = embeddedFactory()) {
            assertThat(System.getProperty(PROPERTY)).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
            assertThat(StreamProvider.provider().getClass().getName())
                    .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Test
    void keepsAValueTheApplicationSet() throws Exception {
        System.setProperty(PROPERTY, OwnStreamProvider.class.getName());
        try (MailManagedConnectionFactory mcf = embeddedFactory()) {
            assertThat(System.getProperty(PROPERTY)).isEqualTo(OwnStreamProvider.class.getName());
        }
    }

    /** A factory that starts its own deadline timer, as it does without a resource adapter. */
    private static MailManagedConnectionFactory embeddedFactory() throws Exception {
        MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
        mcf.setHost("127.0.0.1");
        mcf.setPort(9); // never connected to
        mcf.setConnectTimeout("PT0.2S");
        try {
            mcf.createManagedConnection(null, null);
        } catch (jakarta.resource.ResourceException expected) {
            // connecting fails; the factory's start-up ran
        }
        return mcf;
    }
}

package dev.mailwire.jca.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailConnectionFactoryImpl;
import dev.mailwire.jca.MailManagedConnectionFactory;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import javax.naming.Reference;
import org.junit.jupiter.api.Test;

/** JCA 2.1 §17.5.1 and IronJacamar's validator: the connection factory is Serializable and Referenceable. */
class ConnectionFactoryJndiContractTest {

    /** The simplest connection manager a server could serialize along with the factory. */
    static final class NoPool implements ConnectionManager {
        private static final long serialVersionUID = 1L;

        @Override
        public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo cri) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void connectionFactoryIsSerializableAndKeepsItsReference() throws Exception {
        MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
        mcf.setHost("smtp.example.test");
        MailConnectionFactoryImpl cf = (MailConnectionFactoryImpl) mcf.createConnectionFactory(new NoPool());
        Reference reference = new Reference(MailConnectionFactory.class.getName());
        cf.setReference(reference);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cf);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isInstanceOf(MailConnectionFactory.class);
        assertThat(((MailConnectionFactory) copy).getReference()).isEqualTo(reference);
    }
}

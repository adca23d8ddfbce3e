package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool serves only its own factory, and a serialized copy (ConnectionManager is Serializable) serves nobody. */
class ForeignOrDeserializedManagerRefusesTest {

    @Test
    @Timeout(10)
    void anotherFactoryIsRefused() {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, quick().build())) {
            assertThatThrownBy(() -> cm.allocateConnection(new FakeManagedConnectionFactory(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'test'");
            assertThat(mcf.created.get()).isZero();
        }
    }

    @Test
    @Timeout(10)
    void deserializedCopyRefusesToAllocate() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        EmbeddedConnectionManager copy;
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, quick().build())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(cm);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (EmbeddedConnectionManager) in.readObject();
            }
        }

        assertThat(copy.isClosed()).isTrue();
        assertThatThrownBy(() -> copy.allocateConnection(mcf, null))
                .isInstanceOf(MailerException.class)
                .hasMessageContaining("deserialized");
        copy.close(); // harmless
    }
}

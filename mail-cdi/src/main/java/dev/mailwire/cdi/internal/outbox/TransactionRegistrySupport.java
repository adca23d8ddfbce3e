package dev.mailwire.cdi.internal.outbox;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@link TransactionSupport} over JTA's {@code TransactionSynchronizationRegistry}, which every Jakarta EE server
 * binds at {@code java:comp/TransactionSynchronizationRegistry} (Jakarta EE 10 §EE.5.10). Loaded only when the JTA
 * API is on the class path.
 *
 * <p>The registry is the right tool: its status and interposed synchronizations refer to the transaction of the
 * calling thread, so a mail binds to the transaction active at {@code send} (a REQUIRES_NEW one commits or rolls back
 * its mail on its own, a suspended outer one is not involved), and interposed synchronizations are meant for
 * resource layers like this one.
 */
final class TransactionRegistrySupport implements TransactionSupport {

    static final String JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    /** Narayana's own accessor, for embedded use without CDI integration (read reflectively: optional). */
    private static final String NARAYANA_ENVIRONMENT = "com.arjuna.ats.jta.common.jtaPropertyManager";

    private final TransactionSynchronizationRegistry registry;

    TransactionRegistrySupport(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    static Optional<TransactionSupport> find() {
        return jndi().or(TransactionRegistrySupport::bean)
                .or(TransactionRegistrySupport::narayana)
                .map(TransactionRegistrySupport::new);
    }

    @Override
    public State state() {
        return switch (registry.getTransactionStatus()) {
            case Status.STATUS_ACTIVE -> State.ACTIVE;
            case Status.STATUS_MARKED_ROLLBACK, Status.STATUS_ROLLING_BACK, Status.STATUS_ROLLEDBACK -> State.DOOMED;
            case Status.STATUS_NO_TRANSACTION -> State.NONE;
            default -> State.COMPLETING; // preparing, prepared, committing, committed, unknown
        };
    }

    @Override
    public void afterCompletion(Consumer<Boolean> committed) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                committed.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }

    private static Optional<TransactionSynchronizationRegistry> jndi() {
        try {
            return Optional.of((TransactionSynchronizationRegistry) new InitialContext().lookup(JNDI_NAME));
        } catch (NamingException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Optional<TransactionSynchronizationRegistry> bean() {
        try {
            Instance<TransactionSynchronizationRegistry> i =
                    CDI.current().select(TransactionSynchronizationRegistry.class);
            return i.isResolvable() ? Optional.of(i.get()) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static Optional<TransactionSynchronizationRegistry> narayana() {
        try {
            Object environment = Class.forName(NARAYANA_ENVIRONMENT)
                    .getMethod("getJTAEnvironmentBean")
                    .invoke(null);
            Object registry = environment
                    .getClass()
                    .getMethod("getTransactionSynchronizationRegistry")
                    .invoke(environment);
            return Optional.of((TransactionSynchronizationRegistry) registry);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return Optional.empty();
        }
    }
}

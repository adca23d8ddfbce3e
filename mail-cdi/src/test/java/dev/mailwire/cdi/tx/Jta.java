package dev.mailwire.cdi.tx;

import com.arjuna.ats.jta.common.jtaPropertyManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Embedded Narayana, as an application without a server runs it. */
public final class Jta {

    static {
        // Narayana writes its object stores to the working directory unless told otherwise; the build sets these
        // too, since any test may start Narayana first. A forked node (OutboxNode) gets them from here.
        for (String store : new String[] {"", "communicationStore.", "stateStore."}) {
            System.setProperty("ObjectStoreEnvironmentBean." + store + "objectStoreDir", "target/narayana");
        }
    }

    private Jta() {}

    public static TransactionManager tm() {
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    public static TransactionSynchronizationRegistry registry() {
        return jtaPropertyManager.getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
    }

    /** Runs {@code work} in a new transaction and commits it; an exception rolls it back and is rethrown. */
    public static <T> T inTransaction(Work<T> work) throws Exception {
        TransactionManager tm = tm();
        tm.begin();
        T result;
        try {
            result = work.run();
        } catch (Exception | Error e) {
            tm.rollback();
            throw e;
        }
        tm.commit();
        return result;
    }

    /** Work in a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }
}

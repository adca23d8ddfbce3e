package dev.mailwire.it.reliability.support;

import com.arjuna.ats.jta.common.jtaPropertyManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Callable;

/** Embedded Narayana, as an application without a server runs it. */
public final class Jta {

    static {
        // A forked node has no surefire properties: keep Narayana's stores under target, not the working directory.
        for (String store : new String[] {"", "communicationStore.", "stateStore."}) {
            String key = "ObjectStoreEnvironmentBean." + store + "objectStoreDir";
            if (System.getProperty(key) == null) {
                System.setProperty(key, "target/narayana");
            }
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
    public static <T> T inTransaction(Callable<T> work) throws Exception {
        TransactionManager tm = tm();
        tm.begin();
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            tm.rollback();
            throw e;
        }
        tm.commit();
        return result;
    }
}

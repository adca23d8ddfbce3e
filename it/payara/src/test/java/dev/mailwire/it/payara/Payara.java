package dev.mailwire.it.payara;

import dev.mailwire.it.support.ServerAdapter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the suite needs to know about Payara (docs/payara.md). */
public final class Payara implements ServerAdapter {

    @Override
    public String name() {
        return "payara";
    }

    /** Payara gives every application the RAR's classes (the {@code global} class-loading policy, docs/payara.md). */
    @Override
    public WebArchive seeingTheRar(WebArchive war) {
        return war;
    }

    /** The concurrency resources' default managed executor. */
    @Override
    public String managedExecutorThreads() {
        return ".*__defaultManagedExecutorService.*";
    }
}

package dev.mailwire.it.liberty;

import dev.mailwire.it.support.ServerAdapter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the suite needs to know about Open Liberty (docs/open-liberty.md). */
public final class OpenLiberty implements ServerAdapter {

    @Override
    public String name() {
        return "liberty";
    }

    /**
     * Nothing in the archive: Liberty gives an application the RAR's classes through its class loader configuration
     * in server.xml ({@code classProviderRef}), which arquillian.xml adds to every deployment.
     */
    @Override
    public WebArchive seeingTheRar(WebArchive war) {
        return war;
    }

    /** Liberty runs managed tasks on its one global thread pool. */
    @Override
    public String managedExecutorThreads() {
        return "Default Executor-thread-\\d+";
    }
}

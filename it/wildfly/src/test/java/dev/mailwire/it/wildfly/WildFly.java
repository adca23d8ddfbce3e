package dev.mailwire.it.wildfly;

import dev.mailwire.it.support.ServerAdapter;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the suite needs to know about WildFly (docs/wildfly.md). */
public final class WildFly implements ServerAdapter {

    @Override
    public String name() {
        return "wildfly";
    }

    /** WildFly isolates deployments: an application sees the RAR's classes only through this manifest dependency. */
    @Override
    public WebArchive seeingTheRar(WebArchive war) {
        return war.setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.mailwire.rar\n"));
    }

    /** The EE subsystem's default managed executor. */
    @Override
    public String managedExecutorThreads() {
        return "EE-ManagedExecutorService-default-Thread-\\d+";
    }
}

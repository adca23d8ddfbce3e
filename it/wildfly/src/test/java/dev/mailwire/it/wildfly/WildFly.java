package dev.mailwire.it.wildfly;

import dev.mailwire.it.support.ServerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
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

    /**
     * {@code flush-idle-connection-in-pool} on the connection definition of docs/deploy/wildfly-mailwire.cli: IronJacamar
     * destroys the connections in its available queue, as its idle remover does, and leaves checked-out ones alone.
     * Over the management port that Arquillian uses (arquillian.xml), with the same local authentication (same user,
     * same machine). The idle timeout can only be whole minutes, checked every half: 60 to 90 s of waiting.
     */
    @Override
    public boolean closeIdleConnections() {
        ModelNode op = new ModelNode();
        op.get("operation").set("flush-idle-connection-in-pool");
        ModelNode address = op.get("address");
        address.add("subsystem", "resource-adapters");
        address.add("resource-adapter", "mailwire");
        address.add("connection-definitions", "mailwire");
        try (ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1", 9990)) {
            ModelNode result = client.execute(op);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException("WildFly refused " + op + ": " + result);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach WildFly's management interface on 127.0.0.1:9990", e);
        }
    }
}

package dev.mailwire.bench.clients;

import dev.mailwire.bench.server.Target;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One SSL context per server, trusting its test certificate; shared by every client that takes a socket factory,
 * so no client pays for building one per connection (which is what {@code mail.smtp.ssl.trust} does).
 */
public final class TrustedTls {

    private static final Map<String, SSLContext> CONTEXTS = new ConcurrentHashMap<>();

    private TrustedTls() {}

    public static SSLContext context(Target target) {
        return CONTEXTS.computeIfAbsent(target.key(), k -> load(target));
    }

    private static SSLContext load(Target t) {
        try (InputStream in = Files.newInputStream(t.trustStore())) {
            KeyStore store = KeyStore.getInstance(t.trustStoreType());
            store.load(in, t.trustStorePassword().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the trust store of " + t + ": " + e, e);
        }
    }
}

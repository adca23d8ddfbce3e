package dev.mailwire.bench.server.tlssink;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The bench's STARTTLS sink, run in a JVM of its own so its CPU is not counted as the client's. smtp-sink has no
 * TLS, and putting Postfix's smtpd in front of it (as a before-queue proxy) made a server slower and noisier than
 * the clients it was to measure. Binds a free port on 127.0.0.1, prints {@code LISTENING <port>}, and exits when
 * its standard input closes (the parent is gone).
 *
 * <p>Arguments: key store (PKCS12), its password, user, password.
 */
public final class TlsSinkMain {

    private TlsSinkMain() {}

    public static void main(String[] args) throws Exception {
        SSLContext tls = serverContext(Path.of(args[0]), args[1].toCharArray());
        String user = args[2];
        String password = args[3];
        Thread watchdog = new Thread(TlsSinkMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (ServerSocket server = new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1"))) {
            System.out.println("LISTENING " + server.getLocalPort());
            System.out.flush();
            while (true) {
                Socket client = server.accept();
                Thread session = new Thread(new SinkSession(client, tls, user, password), "sink-" + client.getPort());
                session.setDaemon(true);
                session.start();
            }
        }
    }

    private static SSLContext serverContext(Path keyStore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static void exitWhenParentGoes() {
        try {
            while (System.in.read() >= 0) {
                // nothing is sent; end of stream means the parent closed it or died
            }
        } catch (IOException e) {
            // same
        }
        System.exit(0);
    }
}

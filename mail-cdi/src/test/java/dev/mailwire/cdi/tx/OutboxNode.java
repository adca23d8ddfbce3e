package dev.mailwire.cdi.tx;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import io.agroal.api.AgroalDataSource;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * An application node in its own JVM, for tests that need several nodes or a killed one ({@link Node} starts it):
 * Weld, Narayana, an Agroal pool on the given database, and the default mailer with its outbox. It sends
 * {@code node.send} mails, each in its own committed transaction, printing {@code COMMITTED <Message-ID>} after each
 * commit, then {@code READY}; it runs its dispatcher until its standard input closes.
 *
 * <p>Arguments: a properties file with the {@code mailwire.*} settings and {@code node.jdbc-url},
 * {@code node.jdbc-user}, {@code node.send}, {@code node.threads}, {@code node.to}, {@code node.name}.
 */
public final class OutboxNode {

    private OutboxNode() {}

    public static void main(String[] args) throws Exception {
        NodeSettings node = NodeSettings.read(args[0]);
        Properties p = node.properties();
        AgroalDataSource dataSource = Databases.pool(p.getProperty("node.jdbc-url"), p.getProperty("node.jdbc-user"));
        OutboxDataSource.current = dataSource;
        try (TestConfig config = TestConfig.use(node.mailwire());
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);
            mailer.name(); // starts the mailer, and with it the outbox's sweeper
            send(mailer, p);
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() != -1) {
                // run the dispatcher until the test closes our input
            }
        } finally {
            dataSource.close();
        }
        System.exit(0);
    }

    private static void send(Mailer mailer, Properties p) throws Exception {
        int count = Integer.parseInt(p.getProperty("node.send", "0"));
        int threads = Integer.parseInt(p.getProperty("node.threads", "1"));
        String name = p.getProperty("node.name", "node");
        String to = p.getProperty("node.to");
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Future<?>[] workers = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Mail mail = Mail.builder()
                            .to(to)
                            .subject(name + " #" + i)
                            .text("t")
                            .build();
                    SendResult sent = Jta.inTransaction(() -> mailer.send(mail));
                    synchronized (System.out) {
                        System.out.println("COMMITTED " + sent.messageId());
                        System.out.flush();
                    }
                }
                return null;
            });
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
    }
}

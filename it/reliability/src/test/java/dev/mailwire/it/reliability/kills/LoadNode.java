package dev.mailwire.it.reliability.kills;

import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.AuditedLoggers;
import dev.mailwire.it.reliability.support.Databases;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.TransactionalLoad;
import io.agroal.api.AgroalDataSource;
import java.io.FileReader;
import java.io.PrintStream;
import java.io.Reader;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An application JVM for {@link KilledJvmsLoseNoMailTest}: the default mailer with its outbox on PostgreSQL, and a
 * steady load of transactional sends ({@code node.threads} senders, {@code node.pause-ms} apart). It prints
 * {@code READY} once started and {@code COMMITTED <Message-ID>} after each commit, and runs until it is killed or
 * its standard input closes. Mailwire and Angus log at FINEST to standard error, which the test searches for
 * credentials.
 *
 * <p>Argument: a properties file with the {@code mailwire.*} settings and {@code node.to}, {@code node.threads},
 * {@code node.pause-ms}.
 */
public final class LoadNode {

    private LoadNode() {}

    public static void main(String[] args) throws Exception {
        // What the test's credential audit scans: every record at FINEST, written to standard error by the root's
        // console handler, which by default passes INFO and up only.
        AuditedLoggers.holdAtFinest();
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setLevel(Level.ALL);
        }
        Properties p = new Properties();
        try (Reader in = new FileReader(args[0])) {
            p.load(in);
        }
        MailerSettings settings = MailerSettings.fromProperties(p);
        PrintStream out = System.out;
        try (AgroalDataSource db = Databases.postgres();
                App app = App.start(settings, db)) {
            int threads = Integer.parseInt(p.getProperty("node.threads"));
            TransactionalLoad load = null;
            if (threads > 0) {
                Duration pause = Duration.ofMillis(Long.parseLong(p.getProperty("node.pause-ms")));
                load = TransactionalLoad.start(app.mailer(), p.getProperty("node.to"), threads, pause, id -> {
                    synchronized (out) {
                        out.println("COMMITTED " + id);
                        out.flush();
                    }
                });
            }
            synchronized (out) {
                out.println("READY");
                out.flush();
            }
            while (System.in.read() != -1) {
                // run until the test closes our input (or kills us)
            }
            if (load != null) {
                load.stop();
            }
        }
        System.exit(0);
    }
}

package dev.mailwire.examples.quickstart;

import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Sends a few mails through {@code @Inject Mailer} and the embedded pool, then prints each recipient's result and
 * how many connections carried how many messages. Uses the server configured with {@code mailwire.mailer.*}
 * (system properties or {@code MAILWIRE_MAILER_*} environment variables); without one, starts a private Postfix.
 */
public final class Quickstart {

    static final int MAILS = 10;

    private Quickstart() {}

    public static void main(String[] args) throws Exception {
        // Asked directly, not through Config: SmallRye Config would snapshot the system properties set below.
        boolean configured =
                System.getProperty("mailwire.mailer.host") != null || System.getenv("MAILWIRE_MAILER_HOST") != null;
        if (configured) {
            run(List.of(args.length > 0 ? args : new String[] {"postmaster@localhost"}), null, System.out);
            return;
        }
        try (LocalServer server = new LocalServer()) {
            server.settings().forEach(System::setProperty);
            System.out.println("No mailwire.mailer.host configured: started a private Postfix (STARTTLS + AUTH).");
            List<String> to = List.of(server.address("alice"), server.address("rejected"), server.address("deferred"));
            run(to, server, System.out);
        }
    }

    /** Sends {@link #MAILS} mails from 4 threads; returns the results in order. */
    static List<SendResult> run(List<String> recipients, LocalServer server, PrintStream out) throws Exception {
        List<SendResult> results = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (WeldContainer container = new Weld().initialize()) {
            Newsletter newsletter = container.select(Newsletter.class).get();
            List<Future<SendResult>> sends = new ArrayList<>();
            for (int i = 1; i <= MAILS; i++) {
                int issue = i;
                sends.add(threads.submit(() -> newsletter.send(issue, recipients.toArray(String[]::new))));
            }
            for (Future<SendResult> f : sends) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            // Also when a send failed: the pool's threads are not daemons, and would keep `mvnw` waiting forever.
            threads.shutdownNow();
        }
        print(results, server, out);
        return results;
    }

    private static void print(List<SendResult> results, LocalServer server, PrintStream out) {
        for (int i = 0; i < results.size(); i++) {
            SendResult r = results.get(i);
            out.printf("mail %d %s%n", i + 1, r.messageId());
            for (RecipientResult rr : r.recipients()) {
                out.printf("    %-32s %-9s %d %s%n", rr.address(), rr.status(), rr.code(), rr.reply());
            }
        }
        if (server != null) {
            long delivered = results.stream()
                    .flatMap(r -> r.recipients().stream())
                    .filter(RecipientResult::delivered)
                    .count();
            List<SmtpSession> sessions = server.sessions((int) delivered);
            out.printf(
                    "%d mails went out over %d connection(s), counted by Postfix; messages per connection: %s%n",
                    results.size(),
                    sessions.size(),
                    sessions.stream().map(SmtpSession::messages).toList());
        }
    }
}

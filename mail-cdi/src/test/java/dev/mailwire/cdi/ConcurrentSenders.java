package dev.mailwire.cdi;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Threads that each send their share of mails one after the other through one {@link Mailer}, started together, and
 * what each send came to: its result or its exception. Each mail carries a Message-ID of its own, so that what a
 * server received can be matched to the call that sent it, failed calls included.
 */
public final class ConcurrentSenders {

    /** What one call of {@code send} came to; exactly one of {@code result} and {@code error} is set. */
    public record Outcome(String messageId, SendResult result, RuntimeException error) {

        public boolean delivered() {
            return result != null && result.allDelivered();
        }
    }

    /** Makes the mail a sender sends, given the Message-ID it must carry. */
    @FunctionalInterface
    public interface MailFor {
        Mail mail(String messageId);
    }

    private ConcurrentSenders() {}

    /**
     * Sends {@code threads × perThread} mails, then waits for every thread, each at most {@code within}: a thread
     * still sending then fails the test (a hang), it is never left behind.
     */
    public static List<Outcome> send(Mailer mailer, int threads, int perThread, MailFor mails, Duration within)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Outcome>>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    start.await();
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String id = "<relay-" + thread + "-" + i + "@example.org>";
                        outcomes.add(sendOne(mailer, mails.mail(id), id));
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> sender : senders) {
                all.addAll(sender.get(within.toMillis(), TimeUnit.MILLISECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome sendOne(Mailer mailer, Mail mail, String id) {
        try {
            return new Outcome(id, mailer.send(mail), null);
        } catch (RuntimeException e) {
            return new Outcome(id, null, e);
        }
    }

    /** A Message-ID without its angle brackets, as servers and results may write it either way. */
    public static String bare(String messageId) {
        return messageId.trim().replaceAll("^<|>$", "");
    }

    /** The bare Message-ID of a message's header block, as a server received it. */
    public static String bare(Optional<String> messageId) {
        return bare(messageId.orElseThrow());
    }

    /** A one-line text mail to {@code inbox@example.org} with this subject: what a test's sender sends. */
    public static Mail mail(String subject) {
        return Mail.builder()
                .to("inbox@example.org")
                .subject(subject)
                .text("Body of " + subject + ".")
                .build();
    }

    /** Sleeps, keeping the interrupt: a fake server's behaviour that stalls one step. */
    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

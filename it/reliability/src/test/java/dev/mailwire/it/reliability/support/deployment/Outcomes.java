package dev.mailwire.it.reliability.support.deployment;

import dev.mailwire.cdi.outbox.MailOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link MailOutcome} events an application would observe. */
@ApplicationScoped
public class Outcomes {

    private final List<MailOutcome> seen = new CopyOnWriteArrayList<>();

    void observe(@Observes MailOutcome outcome) {
        seen.add(outcome);
    }

    public List<MailOutcome> all() {
        return List.copyOf(seen);
    }

    /** Waits until {@code count} outcomes were seen; returns them. */
    public List<MailOutcome> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("saw " + seen.size() + " MailOutcome events, expected " + count + ": " + seen);
            }
            Thread.sleep(20);
        }
        return all();
    }
}

package dev.mailwire.cdi.stats;

import dev.mailwire.RecipientResult;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link MailerStats}: lock-free, since every send of the mailer adds to them. */
final class SendCounters {

    private final Map<SendOutcome, LongAdder> sends = adders(SendOutcome.class);
    private final Map<ErrorKind, LongAdder> errors = adders(ErrorKind.class);
    private final Map<RecipientResult.Status, LongAdder> recipients = adders(RecipientResult.Status.class);
    private final LongAdder rejected4xx = new LongAdder();
    private final LongAdder rejected5xx = new LongAdder();
    private final LongAdder timed = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();

    void add(SendEvent e) {
        sends.get(e.outcome()).increment();
        if (e.outcome() == SendOutcome.ERROR) {
            errors.get(e.error()).increment();
        } else if (e.outcome() == SendOutcome.REJECTED) {
            ("5xx".equals(e.replyClass()) ? rejected5xx : rejected4xx).increment();
        }
        recipients.get(RecipientResult.Status.DELIVERED).add(e.delivered());
        RecipientResult.Status waiting =
                e.outcome() == SendOutcome.DEFERRED ? RecipientResult.Status.QUEUED : RecipientResult.Status.DEFERRED;
        recipients.get(waiting).add(e.deferred());
        recipients.get(RecipientResult.Status.REJECTED).add(e.rejected());
        if (e.timed()) {
            timed.increment();
            totalNanos.add(e.durationNanos());
            maxNanos.accumulateAndGet(e.durationNanos(), Math::max);
        }
    }

    Map<SendOutcome, Long> sends() {
        return sums(sends);
    }

    Map<ErrorKind, Long> errors() {
        return sums(errors);
    }

    Map<RecipientResult.Status, Long> recipients() {
        return sums(recipients);
    }

    Map<String, Long> rejectedByReplyClass() {
        return Map.of("4xx", rejected4xx.sum(), "5xx", rejected5xx.sum());
    }

    MailerStats.Latency latency() {
        return new MailerStats.Latency(
                timed.sum(), Duration.ofNanos(totalNanos.sum()), Duration.ofNanos(maxNanos.get()));
    }

    private static <K extends Enum<K>> Map<K, LongAdder> adders(Class<K> type) {
        Map<K, LongAdder> map = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            map.put(k, new LongAdder());
        }
        return map;
    }

    private static <K> Map<K, Long> sums(Map<K, LongAdder> adders) {
        Map<K, Long> result = new LinkedHashMap<>();
        adders.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }
}

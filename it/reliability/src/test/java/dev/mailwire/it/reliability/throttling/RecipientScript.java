package dev.mailwire.it.reliability.throttling;

import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers RCPT TO per recipient and attempt ({@code script.apply(address, n)} for the n-th RCPT of that address,
 * from 1; null accepts), and records when each RCPT arrived: the server's own view of retries and their spacing.
 */
final class RecipientScript implements Behaviour {

    private static final Pattern ADDRESS = Pattern.compile("(?i)RCPT TO:<([^>]+)>");

    private final BiFunction<String, Integer, Action> script;
    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

    RecipientScript(BiFunction<String, Integer, Action> script) {
        this.script = script;
    }

    @Override
    public Action onCommand(SmtpConnection c, String verb, String line) {
        if (!verb.equals("RCPT")) {
            return Action.proceed();
        }
        Matcher m = ADDRESS.matcher(line);
        if (!m.find()) {
            return Action.proceed();
        }
        String address = m.group(1).toLowerCase(Locale.ROOT);
        List<Long> times = arrivals.computeIfAbsent(address, a -> new ArrayList<>());
        int n;
        synchronized (times) {
            times.add(System.nanoTime());
            n = times.size();
        }
        Action a = script.apply(address, n);
        return a == null ? Action.proceed() : a;
    }

    /** When each RCPT for {@code address} arrived (nanoTime), in order. */
    List<Long> arrivals(String address) {
        List<Long> times = arrivals.getOrDefault(address.toLowerCase(Locale.ROOT), List.of());
        synchronized (times) {
            return List.copyOf(times);
        }
    }
}

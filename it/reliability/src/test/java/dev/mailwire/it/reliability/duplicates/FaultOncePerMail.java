package dev.mailwire.it.reliability.duplicates;

import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strikes each mail once, at the step its recipient's local part names: {@code drop-N} (connection closed at RCPT),
 * {@code busy-N} ({@code 421 4.7.0} and hang-up at RCPT), {@code nodata-N} (connection closed at DATA),
 * {@code dot-N} (the final dot never answered); {@code ok-N} never. The next attempt of the same mail goes through.
 */
final class FaultOncePerMail implements Behaviour {

    private static final Pattern RECIPIENT = Pattern.compile("(?i)RCPT TO:<(([a-z]+)-[0-9]+@[^>]+)>");

    private final Set<String> struck = ConcurrentHashMap.newKeySet();
    /** Per connection, the recipient of the mail being sent, to strike at DATA. */
    private final Map<Integer, String> current = new ConcurrentHashMap<>();
    /** RCPT commands per recipient: the server's own count of the attempts each mail took. */
    private final Map<String, Integer> rcpts = new ConcurrentHashMap<>();

    @Override
    public Action onCommand(SmtpConnection c, String verb, String line) {
        if (verb.equals("RCPT")) {
            Matcher m = RECIPIENT.matcher(line);
            if (!m.find()) {
                return Action.proceed();
            }
            String to = m.group(1);
            current.put(c.index(), to);
            rcpts.merge(to, 1, Integer::sum);
            return switch (m.group(2)) {
                case "drop" -> once(to) ? Action.close() : Action.proceed();
                case "busy" ->
                    once(to) ? Action.replyAndClose(421, "4.7.0 Try again later, closing") : Action.proceed();
                default -> Action.proceed();
            };
        }
        if (verb.equals("DATA")) {
            String to = current.getOrDefault(c.index(), "");
            return to.startsWith("nodata-") && once(to) ? Action.close() : Action.proceed();
        }
        return Action.proceed();
    }

    @Override
    public Action onMessage(SmtpConnection c, ReceivedMessage m) {
        String to = m.recipients().get(0);
        return to.startsWith("dot-") && once(to) ? Action.hang() : Action.proceed();
    }

    /** RCPT commands beyond the first, over the recipients of one kind (e.g. {@code busy}): the retries it caused. */
    int retriesOf(String kind) {
        return rcpts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind + "-"))
                .mapToInt(e -> e.getValue() - 1)
                .sum();
    }

    private boolean once(String recipient) {
        return struck.add(recipient);
    }
}

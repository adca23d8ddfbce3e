package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Maildir grouped by Message-ID: what arrived, how often, and whether each copy carries a committed id. */
public final class Deliveries {

    private final Map<String, List<DeliveredMessage>> byId = new LinkedHashMap<>();
    private final List<DeliveredMessage> withoutCommittedId = new ArrayList<>();

    public Deliveries(List<DeliveredMessage> delivered, Set<String> committedIds) {
        for (DeliveredMessage m : delivered) {
            String id = m.messageId().orElse("");
            if (!committedIds.contains(id)) {
                withoutCommittedId.add(m);
            }
            byId.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
        }
    }

    /** Distinct Message-IDs delivered. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** Copies beyond the first, over all Message-IDs. */
    public int duplicates() {
        return byId.values().stream().mapToInt(l -> l.size() - 1).sum();
    }

    /** Message-ID → every copy, for the ids delivered more than once. */
    public Map<String, List<DeliveredMessage>> duplicated() {
        Map<String, List<DeliveredMessage>> d = new LinkedHashMap<>();
        byId.forEach((id, copies) -> {
            if (copies.size() > 1) {
                d.put(id, copies);
            }
        });
        return d;
    }

    /** Copies whose Message-ID is not one the application committed: a retry that changed it, or a stray. */
    public List<DeliveredMessage> withoutCommittedId() {
        return List.copyOf(withoutCommittedId);
    }
}

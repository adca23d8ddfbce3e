package dev.mailwire.jca.validation;

import java.util.Locale;
import java.util.Set;

/** The field names errors report, and which headers hold addresses. */
final class Fields {

    /** Headers parsed as address lists (RFC 5322 §3.6.2, §3.6.3, §3.6.6). */
    private static final Set<String> ADDRESS_HEADERS = Set.of(
            "from",
            "sender",
            "reply-to",
            "to",
            "cc",
            "bcc",
            "resent-from",
            "resent-sender",
            "resent-to",
            "resent-cc",
            "resent-bcc",
            "disposition-notification-to");

    /** Headers reported by their own name rather than as {@code header X}: the fields of the {@code Mail} API. */
    private static final Set<String> NAMED = Set.of("subject", "message-id", "content-id");

    private Fields() {}

    static boolean isAddressHeader(String name) {
        return ADDRESS_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code to}, {@code subject}, {@code content-id}, or {@code header X-Tag} for the others. */
    static String of(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        if (ADDRESS_HEADERS.contains(lower) || NAMED.contains(lower)) {
            return lower;
        }
        return "header " + headerName;
    }
}

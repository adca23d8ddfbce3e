package dev.mailwire.cdi.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * The wording of every error and log message of the CDI layer, in one place so docs/errors.md (the error catalogue)
 * stays true: a test checks that each id below is explained there. Messages name the mailer and the full key, and
 * never a secret or a mail's content.
 */
public enum Messages {
    /** A connection or pool setting refused by the resource adapter; the second argument is its own message. */
    ADAPTER_SETTING("MWCDI-001", "Invalid setting %s: %s"),
    INVALID_VALUE("MWCDI-002", "Mailer '%s': the setting '%s' has the invalid value '%s'; expected %s."),
    UNKNOWN_KEY("MWCDI-003", "Unknown setting '%s' (a typo?)%s Remove it or correct its name."),
    NOT_CONFIGURED("MWCDI-004", "Mailer '%s' has no settings. Set %shost (or %smock=true, or %sconnection-factory)."),
    BAD_NAME("MWCDI-005", "@MailerName(\"%s\") cannot name a mailer: %s."),
    NO_TOKEN_SUPPLIER(
            "MWCDI-006",
            "Mailer '%s': the setting '%s' asks for XOAUTH2, but there is no password and no bean of type"
                    + " Supplier<String> qualified @MailerName(\"%s\") to supply the access token."),
    CONNECTION_FACTORY_NOT_FOUND(
            "MWCDI-007",
            "Mailer '%s': the setting '%s' names '%s', which cannot be looked up as a MailConnectionFactory (%s)."
                    + " Deploy the Mailwire resource adapter with a connection definition bound there."),
    DKIM_KEY("MWCDI-008", "Mailer '%s': the DKIM setting '%s' cannot be used: %s."),
    DKIM_NO_KEY_FOR_FROM(
            "MWCDI-009",
            "Mailer '%s': %s is %s, but no DKIM key signs for %s (the keys sign for %s), so every mail from it would"
                    + " be refused. Add a key for that domain or change the address."),
    UNKNOWN_MAILER(
            "MWCDI-101",
            "No mailer named '%s'; the mailers are %s. Inject it with @MailerName(\"%s\") or configure %shost."),
    ASYNC_QUEUE_FULL(
            "MWCDI-102",
            "Mailer '%s': %d asynchronous sends are already waiting; this one is refused. Raise %s or send less"
                    + " at once."),
    MAILER_CLOSED("MWCDI-103", "Mailer '%s' is closed: the application is shutting down."),
    RECIPIENT_DROPPED(
            "MWCDI-104", "Mailer '%s': recipient %s dropped: it matches none of the patterns of %s; not sent to."),
    SETTINGS_UNUSED(
            "MWCDI-105",
            "Mailer '%s': %s is set, so the server's connection pool is used and its own pool settings apply;"
                    + " %s not used."),
    NO_RECIPIENT("MWCDI-106", "Mailer '%s': the mail has no recipient (To, Cc or Bcc)."),
    UNREADABLE_MESSAGE("MWCDI-107", "Mailer '%s': the message cannot be read to be sent: %s"),
    ALL_DROPPED("MWCDI-108", "Mailer '%s': every recipient was dropped by %s; nothing was sent (Message-ID %s)."),
    ASYNC_INTERRUPTED(
            "MWCDI-109", "Mailer '%s': asynchronous sends still running %d s after shutdown began were interrupted."),
    CLOSE_FAILED("MWCDI-110", "Mailer '%s' did not close cleanly: %s"),
    TOO_LARGE_TO_HOLD(
            "MWCDI-111",
            "Mailer '%s': the message is larger than %s (%d bytes); writing it to the outbox stopped there, inside the"
                    + " transaction, and nothing was kept. Send a smaller mail or raise the setting.");

    private final String id;
    private final String template;

    Messages(String id, String template) {
        this.id = id;
        this.template = template;
    }

    public String id() {
        return id;
    }

    /** The message with its id first, so that a log line or an exception leads to its entry in docs/errors.md. */
    public String format(Object... args) {
        return id + " " + String.format(template, args);
    }

    /** The hint of {@link #UNKNOWN_KEY}. */
    public static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(s -> " Did you mean '" + s + "'?").orElse("");
    }

    /** Appended to a deployment problem of an injected mailer, so the reader finds the code that needs it. */
    public static String injectedAt(Collection<String> injectionPoints) {
        return injectionPoints.isEmpty() ? "" : " Injected at: " + String.join(", ", injectionPoints) + ".";
    }
}

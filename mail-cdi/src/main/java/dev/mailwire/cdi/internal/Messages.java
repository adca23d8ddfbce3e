package dev.mailwire.cdi.internal;

import dev.mailwire.jca.CatalogueMessage;
import java.util.Collection;
import java.util.Optional;

/**
 * The wording of every error and log message of the CDI layer, in one place so docs/errors.md (the error catalogue)
 * stays true: a test checks that each id below is explained there. Messages name the mailer and the full key, and
 * never a secret or a mail's content.
 */
public enum Messages implements CatalogueMessage {
    /**
     * {@code from} or {@code message-id-domain} refused by the mail checks; the second argument is their message.
     * Connection and pool settings are reported with the adapter's own ids (JcaMessages).
     */
    ADAPTER_SETTING("MWCDI-001", "Invalid setting %s: %s"),
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
    TOKEN_SUPPLIER_IN_SERVER(
            "MWCDI-008",
            "Mailer '%s': a Supplier<String> bean qualified @MailerName(\"%s\") supplies XOAUTH2 tokens, but '%s' is"
                    + " set, and the server's pool cannot ask an application bean for tokens. Put the oauth2.*"
                    + " settings (Oauth2TokenEndpoint, Oauth2ClientId, ...) on the connection definition, or remove"
                    + " %s to use the embedded pool."),
    OAUTH2_IN_SERVER(
            "MWCDI-009",
            "Mailer '%s': '%s' is set together with '%s'; the OAuth2 client settings do not travel to a server's"
                    + " pool. Set them on the connection definition (config properties Oauth2TokenEndpoint,"
                    + " Oauth2ClientId, Oauth2ClientSecret, ...) instead."),
    DKIM_KEY("MWCDI-010", "Mailer '%s': the DKIM setting '%s' cannot be used: %s."),
    DKIM_NO_KEY_FOR_FROM(
            "MWCDI-011",
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
    ALL_DROPPED("MWCDI-108", "Mailer '%s': every recipient was dropped by %s; nothing was sent (Message-ID %s)."),
    ASYNC_INTERRUPTED(
            "MWCDI-109", "Mailer '%s': asynchronous sends still running %d s after shutdown began were interrupted."),
    CLOSE_FAILED("MWCDI-110", "Mailer '%s' did not close cleanly: %s"),
    TOO_LARGE_TO_HOLD(
            "MWCDI-111",
            "Mailer '%s': the message is larger than %s (%d bytes); writing it to the outbox stopped there, inside the"
                    + " transaction, and nothing was kept. Send a smaller mail or raise the setting."),
    RESERVED_HEADER(
            "MWCDI-112",
            "Mailer '%s': invalid %s: is set by Mailwire; use the Mail builder's methods instead (unsubscribe,"
                    + " oneClickUnsubscribe for List-Unsubscribe)."),
    NOT_A_MIME_TYPE("MWCDI-113", "Mailer '%s': invalid %s: is not a MIME type (%s); use type/subtype."),
    MULTIPART_ATTACHMENT(
            "MWCDI-114",
            "Mailer '%s': invalid %s: is multipart; attach a message as message/rfc822 or the content as"
                    + " application/octet-stream."),
    CONTENT_ID_TWICE("MWCDI-115", "Mailer '%s': invalid %s: is used by two inline parts; give each its own."),
    NOT_RENDERED("MWCDI-116", "Mailer '%s': the mail cannot be rendered: %s"),
    BAD_UNSUBSCRIBE_URI(
            "MWCDI-117",
            "Mailer '%s': invalid %s: %s. List-Unsubscribe takes mailto: and https: URIs, and one-click unsubscription"
                    + " (RFC 8058) an https: one."),
    ENVELOPE_DISPLAY_NAME(
            "MWCDI-118", "Mailer '%s': invalid %s: has a display name; give the bare address, as MAIL FROM takes it."),
    NO_DKIM_KEY_FOR_DOMAIN(
            "MWCDI-119",
            "Mailer '%s': invalid from: has the domain %s, for which the mailer has no DKIM key (its keys sign for %s);"
                    + " send from one of those domains or add a key."),
    NOT_SIGNED("MWCDI-120", "Mailer '%s': the mail cannot be DKIM-signed: %s");

    private final Entry entry;

    Messages(String id, String template) {
        this.entry = new Entry(id, template);
    }

    @Override
    public Entry entry() {
        return entry;
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

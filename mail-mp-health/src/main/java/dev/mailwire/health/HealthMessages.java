package dev.mailwire.health;

import dev.mailwire.jca.CatalogueMessage;

/**
 * The wording of every problem and log line of the health checks, each with an id that docs/health-and-telemetry.md
 * explains (a test keeps them in step). No message carries a user name, a password or a token.
 */
enum HealthMessages implements CatalogueMessage {
    BAD_VALUE("MWHEALTH-001", "The setting '%s' has the invalid value '%s'; expected %s."),
    UNKNOWN_KEY("MWHEALTH-002", "Unknown setting '%s' (a typo?). The health settings are: %s."),
    NOT_STARTED("MWHEALTH-101", "Mailer '%s' could not be started: %s"),
    NOT_READY("MWHEALTH-102", "Mailer '%s' is not ready (%s): %s"),
    READY_AGAIN("MWHEALTH-103", "Mailer '%s' is ready again."),
    BROKEN("MWHEALTH-104", "Mailer '%s' is broken: %s. Restart the application."),
    VALIDATION_NOT_SHORTER(
            "MWHEALTH-105",
            "Mailer '%s': %s (%s) is not shorter than %s (%s): a probe may reuse an idle connection without checking"
                    + " it, and miss a server that went away. Shorten the first or lengthen the second."),
    PROBE_TIMEOUT(
            "MWHEALTH-106", "No answer within %s (%s); the probe goes on in the background, and the next one waits."),
    OUTBOX_BACKLOG("MWHEALTH-107", "%d mails wait in the outbox; %s is %d."),
    OUTBOX_AGE("MWHEALTH-108", "The oldest mail in the outbox has waited %s; %s is %s."),
    PROBE_REFUSED("MWHEALTH-109", "The probe could not be started: %s"),
    PROBE_THREADS_NOT_RUNNING(
            "MWHEALTH-110",
            "Only %d of the %d health probe threads (%s) run %d ms after they were started; while none runs, every"
                    + " probe is refused (MWHEALTH-109).");

    private final Entry entry;

    HealthMessages(String id, String template) {
        this.entry = new Entry(id, template);
    }

    @Override
    public Entry entry() {
        return entry;
    }
}

package dev.mailwire.jca;

/**
 * One message of a Mailwire message catalogue ({@link JcaMessages}, and the CDI layer's, the outbox's and the health
 * checks' own): an id that the docs explain and the wording, a {@link String#format} template. The catalogues are
 * enums, each constant keeping its {@link Entry}; how a message is made from it is written here once, so every
 * module's log lines and exceptions start with their id the same way.
 *
 * <p>Internal to Mailwire: public only so the CDI layer and the health checks share it.
 */
public interface CatalogueMessage {

    /** The id that leads to the entry in the docs (e.g. {@code MWJCA-001}) and the wording without it. */
    record Entry(String id, String template) {}

    /** This message's id and wording. */
    Entry entry();

    default String id() {
        return entry().id();
    }

    /** The wording without its id, for the catalogues' tests. */
    default String template() {
        return entry().template();
    }

    /** The message with its id first, so that an exception or a log line leads to its entry in the docs. */
    default String format(Object... args) {
        return id() + " " + String.format(template(), args);
    }
}

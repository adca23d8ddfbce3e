/**
 * The outbox as applications see it: the {@link dev.mailwire.cdi.outbox.MailOutcome} event fired once a mail sent in a
 * transaction is delivered or dead-lettered, and {@link dev.mailwire.cdi.outbox.OutboxAdmin} with the entries it reads,
 * for operating the outbox table. The transactional path itself is internal.
 */
package dev.mailwire.cdi.outbox;

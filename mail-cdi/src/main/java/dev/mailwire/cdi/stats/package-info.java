/**
 * What a mailer counts and watches: the {@link dev.mailwire.cdi.stats.MailerMonitor} fired as a CDI event when a
 * mailer starts, its {@link dev.mailwire.cdi.stats.MailerStats} snapshot, and the listener of each send.
 */
package dev.mailwire.cdi.stats;

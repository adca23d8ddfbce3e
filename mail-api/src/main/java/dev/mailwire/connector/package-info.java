/**
 * The JCA client view of Mailwire: {@link dev.mailwire.connector.MailConnectionFactory} and the connections it
 * hands out. Applications usually inject a {@code dev.mailwire.Mailer} instead; this view is for code that talks to
 * the resource adapter directly.
 */
package dev.mailwire.connector;

/**
 * Mailwire's CDI integration, as applications use it: the portable extension ({@link dev.mailwire.cdi.MailExtension})
 * that turns every {@code @Inject Mailer} into a configured mailer, the registry of mailers by name
 * ({@link dev.mailwire.cdi.Mailers}), the {@link dev.mailwire.cdi.MockMailbox} of {@code mock=true}, and the
 * configuration keys ({@link dev.mailwire.cdi.MailerKey}).
 *
 * <p>The outbox as applications see it is in {@link dev.mailwire.cdi.outbox}, what a mailer counts and watches in
 * {@link dev.mailwire.cdi.stats}. Everything under {@code dev.mailwire.cdi.internal} is Mailwire's own: it may change
 * in any release and is left out of the Javadoc.
 */
package dev.mailwire.cdi;

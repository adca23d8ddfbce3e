package dev.mailwire.jca.embedded;

import org.eclipse.angus.mail.util.MailStreamProvider;

/** An application's own StreamProvider choice, which Mailwire must leave in place. */
public class OwnStreamProvider extends MailStreamProvider {}

/**
 * A real Postfix for tests: {@link dev.mailwire.test.smtp.postfix.PrivatePostfix} runs Debian's Postfix as a
 * private instance on a loopback port (STARTTLS required, AUTH over TLS, delivery to a Maildir), and reads back what
 * the server itself observed: delivered messages ({@link dev.mailwire.test.smtp.postfix.DeliveredMessage}) and
 * sessions from its log ({@link dev.mailwire.test.smtp.postfix.PostfixLog},
 * {@link dev.mailwire.test.smtp.postfix.SmtpSession}).
 */
package dev.mailwire.test.smtp.postfix;

/**
 * Internal: the send path. {@code ConfiguredMailer} checks each mail in the caller's thread (render, validate,
 * approved recipients, size) and hands a {@code PreparedMail} to its {@code Delivery}: now over a pooled connection,
 * into the mock mailbox, or (decorated by the {@code outbox} package) held for the transaction.
 */
package dev.mailwire.cdi.internal.send;

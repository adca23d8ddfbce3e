/**
 * Internal to Mailwire; no API, left out of the Javadoc. Here: the CDI layer's error catalogue
 * ({@code Messages}, explained in docs/errors.md) and the one owner of the threads Mailwire runs work on
 * ({@code ContainerThreads}). The sub-packages are the layer's parts: {@code config} reads and
 * checks the settings at deployment, {@code send} is the path of a mail from {@code Mailer.send} to a pooled
 * connection, {@code outbox} the transactional path (hold in the transaction, hand over at commit, retry), and
 * {@code render} and {@code telemetry} what their names say.
 */
package dev.mailwire.cdi.internal;

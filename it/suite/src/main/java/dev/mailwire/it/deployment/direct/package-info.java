/**
 * An application without mail-cdi: a stateless EJB that looks up the RAR's connection factory and passes its own
 * MicroProfile Config settings as a connection spec.
 */
package dev.mailwire.it.deployment.direct;

/**
 * An application that asks which Angus Mail the RAR's SMTP transport was linked against, and whether the
 * application itself sees the same Angus classes (mail-cdi builds Angus SMTPMessages that the RAR's transport reads).
 */
package dev.mailwire.it.deployment.angus;

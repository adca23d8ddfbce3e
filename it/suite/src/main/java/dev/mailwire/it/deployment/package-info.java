/**
 * Fixtures that run inside the application server: what the tests deploy, never loaded by the tests themselves
 * except to be packaged. Each is a small piece of an ordinary application that uses Mailwire.
 */
package dev.mailwire.it.deployment;

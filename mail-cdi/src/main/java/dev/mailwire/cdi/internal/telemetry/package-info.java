/**
 * Internal: OpenTelemetry metrics and spans for each mailer, when the OpenTelemetry API is on the class path; without
 * it nothing here is loaded. The names are documented in docs/health-and-telemetry.md.
 */
package dev.mailwire.cdi.internal.telemetry;

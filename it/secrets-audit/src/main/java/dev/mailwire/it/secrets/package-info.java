/**
 * The whole-build secrets audit: {@link dev.mailwire.it.secrets.SecretsAudit} reads the suite's secrets from its own
 * test files ({@link dev.mailwire.it.secrets.ConfiguredSecrets}), finds what the build captured under each module's
 * {@code target/} ({@link dev.mailwire.it.secrets.CapturedOutput}) and fails on any line that holds one of them, a JWT
 * or a SASL OAuth2 initial response.
 */
package dev.mailwire.it.secrets;

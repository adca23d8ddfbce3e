/**
 * The forms in which a test's secret could leak into a text an operator reads, shared by the reliability suite's
 * in-JVM credential audit and the whole-build scan of captured output ({@code it/secrets-audit}).
 */
package dev.mailwire.test.smtp.secrets;

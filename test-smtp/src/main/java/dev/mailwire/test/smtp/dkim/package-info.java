/**
 * An independent DKIM verifier for tests: {@link dev.mailwire.test.smtp.dkim.DkimVerifier} runs Debian's dkimpy on a
 * delivered message with the public keys given by the test, not DNS.
 */
package dev.mailwire.test.smtp.dkim;

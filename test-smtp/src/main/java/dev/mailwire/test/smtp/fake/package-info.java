/**
 * An in-process SMTP server for fault injection: {@link dev.mailwire.test.smtp.fake.FakeSmtpServer}, bent at any
 * step by a {@link dev.mailwire.test.smtp.fake.Behaviour} (ready-made ones in
 * {@link dev.mailwire.test.smtp.fake.Faults}), recording a {@link dev.mailwire.test.smtp.fake.Transcript} per
 * connection and every {@link dev.mailwire.test.smtp.fake.ReceivedMessage}.
 */
package dev.mailwire.test.smtp.fake;

package dev.mailwire.it.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The credential audit listens to Mailwire's and Angus's loggers at FINEST for the whole run: a collection of garbage
 * between its start and the logging (a logger nobody holds is collected, and its replacement is back at INFO) must not
 * silence what the scan sees, down to Angus's protocol trace.
 */
class CredentialAuditSurvivesGarbageCollectionTest {

    @Test
    void finestRecordsAreScannedAfterAGc() throws InterruptedException {
        CredentialAudit audit = CredentialAudit.begin();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }

        // The logger names Mailwire's classes and Angus's MailLogger use; a fresh reference, as a new class would take.
        Logger.getLogger("dev.mailwire.jca.SmtpChannel").finest("planted " + Credentials.PASSWORD);
        Logger.getLogger("org.eclipse.angus.mail.smtp.protocol").finest("planted " + Credentials.PASSWORD);
        Logger.getLogger("jakarta.mail").finest("planted " + Credentials.PASSWORD);

        assertThat(audit.leaks()).as("planted FINEST records found").hasSize(3);
    }
}

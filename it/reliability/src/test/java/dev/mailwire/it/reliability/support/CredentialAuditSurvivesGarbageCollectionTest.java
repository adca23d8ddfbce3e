package dev.mailwire.it.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
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
        // A secret of this test alone, made at run time: the records below reach the console handler too, so the
        // test's output file holds them, and the whole-build secrets audit (it/secrets-audit) fails on any password
        // the suite configures. A random value is no credential of the suite, and no source file holds it.
        String planted = "gc-plant-" + UUID.randomUUID();
        CredentialAudit audit = CredentialAudit.begin().alsoSecret("gc-audit", planted);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }

        // The logger names Mailwire's classes and Angus's MailLogger use; a fresh reference, as a new class would take.
        Logger.getLogger("dev.mailwire.jca.SmtpChannel").finest("planted " + planted);
        Logger.getLogger("org.eclipse.angus.mail.smtp.protocol").finest("planted " + planted);
        Logger.getLogger("jakarta.mail").finest("planted " + planted);

        assertThat(audit.leaks()).as("planted FINEST records found").hasSize(3);
    }
}

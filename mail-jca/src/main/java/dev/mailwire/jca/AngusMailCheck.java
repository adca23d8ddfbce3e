package dev.mailwire.jca;

import jakarta.resource.spi.ResourceAdapterInternalException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Says once, when the adapter starts, which Angus Mail its SMTP transport runs on and from where, because in a server
 * that is the server's copy unless the operator replaced it (docs/wildfly.md, docs/payara.md).
 *
 * <p>Two floors. Below {@link #CVE_FIXED} the transport lacks the check for line breaks in SMTP commands that fixed
 * CVE-2025-7962 (SMTPTransport.validateCommand, first in 2.0.4): the adapter refuses to start. Below
 * {@link #BUILT_ON}, the version Mailwire is built and tested on (and the only one its build allows), it warns and
 * runs: 2.0.4's SMTP classes are byte for byte those of 2.0.5, Mailwire's validator refuses line breaks itself, and a
 * refusal would also stop vendor-patched builds whose version reads lower. An unreadable version is warned about too.
 */
final class AngusMailCheck {

    /** The first Angus Mail with the fix for CVE-2025-7962. */
    static final String CVE_FIXED = "2.0.4";

    /** The version Mailwire is built on: the project's version.angus-mail (a test keeps them equal). */
    static final String BUILT_ON = "2.0.5";

    private static final Logger LOG = Logger.getLogger(AngusMailCheck.class.getName());

    private AngusMailCheck() {}

    static void atStart() throws ResourceAdapterInternalException {
        check(AngusMailOrigin.of(SMTPTransport.class), LOG);
    }

    static void check(AngusMailOrigin origin, Logger log) throws ResourceAdapterInternalException {
        if (origin.version().isEmpty()) {
            log.warning(JcaMessages.ANGUS_VERSION_UNKNOWN.format(origin.location(), BUILT_ON));
            return;
        }
        String version = origin.version().get();
        if (Versions.compare(version, CVE_FIXED) < 0) {
            throw new ResourceAdapterInternalException(
                    JcaMessages.ANGUS_VULNERABLE.format(version, origin.location(), CVE_FIXED, BUILT_ON));
        }
        if (Versions.compare(version, BUILT_ON) < 0) {
            log.warning(JcaMessages.ANGUS_OLDER.format(version, origin.location(), BUILT_ON));
            return;
        }
        log.log(Level.INFO, JcaMessages.ANGUS_RUNS_ON.format(version, origin.location()));
    }

    /** Dotted versions compared number by number; a qualifier (2.0.4.redhat-00001, 2.0.6-SNAPSHOT) is ignored. */
    static final class Versions {

        private Versions() {}

        static int compare(String a, String b) {
            int[] x = numbers(a);
            int[] y = numbers(b);
            for (int i = 0; i < 3; i++) {
                if (x[i] != y[i]) {
                    return Integer.compare(x[i], y[i]);
                }
            }
            return 0;
        }

        private static int[] numbers(String version) {
            int[] numbers = new int[3];
            String[] parts = version.trim().split("[.-]", -1);
            for (int i = 0; i < 3 && i < parts.length; i++) {
                String digits = parts[i].replaceFirst("^(\\d*).*$", "$1");
                if (digits.isEmpty()) {
                    break;
                }
                numbers[i] = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                if (digits.length() != parts[i].length()) {
                    break;
                }
            }
            return numbers;
        }
    }
}

package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every catalogue's messages (the adapter's, the CDI layer's, the outbox's, the health checks') are made by
 * {@link CatalogueMessage#format}: the id first, then the wording with the arguments put in, so a log line or an
 * exception leads to its entry in the docs.
 */
class CatalogueMessageLeadsWithItsIdTest {

    @Test
    void idThenTheFilledInWording() {
        assertThat(JcaMessages.SETTING_MISSING.format("billing", "mailwire.mailer.billing.host"))
                .isEqualTo("MWJCA-001 Mailer 'billing': the setting 'mailwire.mailer.billing.host' is required but"
                        + " not set.");
    }
}

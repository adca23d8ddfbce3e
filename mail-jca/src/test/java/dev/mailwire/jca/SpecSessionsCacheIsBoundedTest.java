package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.connector.MailConnectionSpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 8: the factory kept one session (and TLS context) per distinct spec settings forever; the keys
 * can hold a trust-store password, so every rotation, and every application passing ever-new settings, grew the
 * map for the life of the server. The cache is bounded, least recently used first out.
 */
class SpecSessionsCacheIsBoundedTest {

    @Test
    void manyDistinctSpecsKeepTheCacheBounded() throws Exception {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("bounded");
        f.setHost("smtp.example.test");
        try {
            for (int i = 0; i < 300; i++) {
                MailConnectionSpec spec = MailConnectionSpec.builder()
                        .setting("connect-timeout", "PT" + (i + 1) + "S")
                        .build();
                // matching asks for the spec's sessions, as a server's pool does on every borrow; no network
                assertThat(f.matchManagedConnections(Set.of(), null, new MailConnectionRequestInfo(spec)))
                        .isNull();
            }
            assertThat(f.cachedSpecSessions()).isLessThanOrEqualTo(SpecSessions.MAX_ENTRIES);
        } finally {
            f.close();
        }
    }
}

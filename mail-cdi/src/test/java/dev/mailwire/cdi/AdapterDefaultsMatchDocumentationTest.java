package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.pool.PoolSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The defaults that {@link MailerKey} documents for the pool keys are the resource adapter's: an unset key keeps the
 * adapter's default, so a change there must show here. (The connection keys take theirs from the adapter's
 * {@code ConnectionSetting} table: {@link ConnectionSettingsAgreeEverywhereTest}.)
 */
class AdapterDefaultsMatchDocumentationTest {

    @Test
    void poolDefaults() {
        PoolSettings p = PoolSettings.defaults();
        assertThat(String.valueOf(p.maxSize())).isEqualTo(documented(MailerKey.POOL_MAX_SIZE));
        assertThat(String.valueOf(p.minIdle())).isEqualTo(documented(MailerKey.POOL_MIN_IDLE));
        assertThat(p.idleTimeout()).isEqualTo(Duration.parse(documented(MailerKey.POOL_IDLE_TIMEOUT)));
        assertThat(p.maxLifetime()).isEqualTo(Duration.parse(documented(MailerKey.POOL_MAX_LIFETIME)));
        assertThat(String.valueOf(p.maxMessagesPerConnection()))
                .isEqualTo(documented(MailerKey.POOL_MAX_MESSAGES_PER_CONNECTION));
        assertThat(p.acquireTimeout()).isEqualTo(Duration.parse(documented(MailerKey.POOL_ACQUIRE_TIMEOUT)));
        assertThat(p.validateAfterIdle()).isEqualTo(Duration.parse(documented(MailerKey.POOL_VALIDATE_AFTER_IDLE)));
    }

    private static String documented(MailerKey key) {
        return key.defaultValue().orElseThrow();
    }
}

package dev.mailwire.jca.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.MailerConfigurationException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Defaults are DESIGN §3's; a bad setting fails when built, naming the mailer and the key. */
class PoolSettingsAreCheckedTest {

    @Test
    void defaultsAreTheDesignDefaults() {
        PoolSettings s = PoolSettings.defaults();

        assertThat(s.mailer()).isEqualTo("<default>");
        assertThat(s.maxSize()).isEqualTo(8);
        assertThat(s.minIdle()).isZero();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.maxMessagesPerConnection()).isEqualTo(1000);
        assertThat(s.acquireTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.validateAfterIdle()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.evictionInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void evictionIntervalFollowsShortTimeouts() {
        PoolSettings s =
                PoolSettings.builder().idleTimeout(Duration.ofMillis(100)).build();

        assertThat(s.evictionInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void eachBadSettingNamesItsKey() {
        assertRejected(b -> b.maxSize(0), "pool.max-size");
        assertRejected(b -> b.minIdle(-1), "pool.min-idle");
        assertRejected(b -> b.maxSize(2).minIdle(3), "pool.min-idle");
        assertRejected(b -> b.idleTimeout(Duration.ZERO), "pool.idle-timeout");
        assertRejected(b -> b.maxLifetime(Duration.ofSeconds(-1)), "pool.max-lifetime");
        assertRejected(b -> b.maxMessagesPerConnection(0), "pool.max-messages-per-connection");
        assertRejected(b -> b.acquireTimeout(null), "pool.acquire-timeout");
        assertRejected(b -> b.validateAfterIdle(Duration.ZERO), "pool.validate-after-idle");
    }

    private static void assertRejected(UnaryOperator<PoolSettings.Builder> bad, String key) {
        MailerConfigurationException e = catchThrowableOfType(
                MailerConfigurationException.class,
                () -> bad.apply(PoolSettings.builder().mailer("billing")).build());

        assertThat(e).as(key).isNotNull();
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.mailer()).isEqualTo("billing");
        assertThat(e.getMessage())
                .startsWith("MWJCA-002 Mailer 'billing': the setting '" + key + "' has the invalid value")
                .contains("; expected ");
    }
}
